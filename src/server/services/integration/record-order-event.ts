// API-1, AUTO-6: one status event for an existing order (POST /api/v1/orders/{externalId}/events).
// The newest event sets the order's status; a late, older event is recorded in the history but
// does not move the status backwards. The same event sent twice is recorded once.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import type { OrderEventInput, OrderOut } from "@/shared/api-v1-schemas";
import { ORDER_OUT_INCLUDE, toOrderOut } from "./api-dto";
import { lockOrder, recordOrderEvents } from "./record-order-events";
import { refreshOrderFacts } from "@/server/services/analytics/facts";

export async function recordOrderEvent(
  db: Database,
  input: { shopId: string; orderExternalId: string; event: OrderEventInput },
): Promise<ServiceResult<{ order: OrderOut; created: boolean }>> {
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.shopId, input.orderExternalId);
    if (!order) throw new AppError("NOT_FOUND", `No order ${input.orderExternalId} in this shop. Upsert the order first.`);
    const { recorded, latestOccurredAt, outgoing } = await recordOrderEvents(tx, order, [input.event]);
    const event = recorded[0];
    if (event && latestOccurredAt && event.occurredAt.getTime() === latestOccurredAt.getTime()) {
      const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { deliveredAt: true } });
      await tx.order.update({
        where: { id: order.id },
        data: {
          status: event.status,
          deliveredAt: event.status === "delivered" && !current.deliveredAt ? event.occurredAt : undefined,
        },
      });
    }
    // Analytics (issue 11 item 5): a cancelled or returned order stops counting, in this transaction.
    await refreshOrderFacts(tx, input.shopId, [order.id]);
    const row = await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: ORDER_OUT_INCLUDE });
    return serviceResult({ order: toOrderOut(row), created: recorded.length === 1 }, outgoing);
  });
}
