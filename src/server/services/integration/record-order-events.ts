// Order status events (API-1, AUTO-6), shared by the order upsert and the single-event route.
// Callers hold the order's row lock, so two deliveries of the same event cannot both insert it:
// an event is identified by (status, occurredAt) and recorded once.
import type { Prisma } from "@/generated/prisma/client";
import type { OrderEvent } from "@/generated/prisma/client";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { PROACTIVE_ORDER_STATUSES, type OrderEventInput } from "@/shared/api-v1-schemas";
import { onOrderStatusEvent, type ProactiveOrderStatus } from "./on-order-status-event";

type Tx = Prisma.TransactionClient;

export interface LockedOrder {
  id: string;
  shopId: string;
  externalId: string;
  buyerId: string;
}

/** Locks the order row until the transaction ends; null when the shop has no such order. */
export async function lockOrder(tx: Tx, shopId: string, externalId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, "shopId", "externalId", "buyerId" FROM "Order"
    WHERE "shopId" = ${shopId}::uuid AND "externalId" = ${externalId} FOR UPDATE`;
  return rows[0] ?? null;
}

const eventKey = (status: string, occurredAt: Date) => `${status}|${occurredAt.getTime()}`;

function isProactive(status: string): status is ProactiveOrderStatus {
  return (PROACTIVE_ORDER_STATUSES as readonly string[]).includes(status);
}

export async function recordOrderEvents(
  tx: Tx,
  order: LockedOrder,
  inputs: OrderEventInput[],
): Promise<{ recorded: OrderEvent[]; latestOccurredAt: Date | null; outgoing: OutgoingEvent[] }> {
  const existing = await tx.orderEvent.findMany({ where: { orderId: order.id }, select: { status: true, occurredAt: true } });
  const seen = new Set(existing.map((event) => eventKey(event.status, event.occurredAt)));
  const sorted = inputs
    .map((input) => ({ ...input, occurredAtDate: new Date(input.occurredAt) }))
    .sort((a, b) => a.occurredAtDate.getTime() - b.occurredAtDate.getTime());

  const recorded: OrderEvent[] = [];
  for (const input of sorted) {
    const key = eventKey(input.status, input.occurredAtDate);
    if (seen.has(key)) continue;
    seen.add(key);
    recorded.push(
      await tx.orderEvent.create({
        data: { orderId: order.id, status: input.status, occurredAt: input.occurredAtDate, note: input.note ?? null, eta: input.eta ? new Date(input.eta) : null },
      }),
    );
  }

  const allTimes = [...existing.map((event) => event.occurredAt.getTime()), ...recorded.map((event) => event.occurredAt.getTime())];
  const latest = allTimes.length > 0 ? Math.max(...allTimes) : null;

  const outgoing: OutgoingEvent[] = [];
  for (const event of recorded) {
    if (!isProactive(event.status)) continue;
    outgoing.push(
      ...(await onOrderStatusEvent(tx, {
        shopId: order.shopId,
        orderId: order.id,
        orderExternalId: order.externalId,
        buyerId: order.buyerId,
        eventId: event.id,
        status: event.status,
        occurredAt: event.occurredAt,
        note: event.note,
        eta: event.eta,
        isLatest: event.occurredAt.getTime() === latest,
      })),
    );
  }
  return { recorded, latestOccurredAt: latest === null ? null : new Date(latest), outgoing };
}
