// AUTO-6 hook point: the integration API calls this for every newly recorded order status event
// whose status is shipped, out_for_delivery, delayed or delivered. It runs inside the
// transaction that records the event, with that transaction's client, so the proactive message
// is committed together with the event or not at all. Sending twice is prevented by the
// ProactiveMessage unique key (send-proactive-message.ts), not by this caller.
//
// It returns the realtime events to publish after the commit (services return the events they
// cause).
import type { Prisma } from "@/generated/prisma/client";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { sendProactiveMessage } from "@/server/services/automation/send-proactive-message";
import type { PROACTIVE_ORDER_STATUSES } from "@/shared/api-v1-schemas";

export type ProactiveOrderStatus = (typeof PROACTIVE_ORDER_STATUSES)[number];

export interface OrderStatusEvent {
  shopId: string;
  orderId: string;
  /** The shop's order number. */
  orderExternalId: string;
  buyerId: string;
  eventId: string;
  status: ProactiveOrderStatus;
  occurredAt: Date;
  note: string | null;
  /** The expected delivery sent with the event, for {eta}. */
  eta: Date | null;
  /** False for an event older than one already recorded (a late "shipped" after "delivered"). */
  isLatest: boolean;
}

export async function onOrderStatusEvent(tx: Prisma.TransactionClient, event: OrderStatusEvent): Promise<OutgoingEvent[]> {
  return sendProactiveMessage(tx, event);
}
