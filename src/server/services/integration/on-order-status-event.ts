// AUTO-6 hook point: the integration API calls this for every newly recorded order status event
// whose status is shipped, out_for_delivery or delayed. It runs inside the transaction that
// records the event, with that transaction's client, so a proactive message written here is
// committed together with the event or not at all; a replayed event (same status and
// occurredAt) is never recorded twice and so never calls this twice.
//
// It returns the realtime events to publish after the commit (STYLE: services return the events
// they cause). Today it does nothing: the automation service wires the proactive message in by
// replacing the body below (a module-level registry would not work, because the custom server
// and Next.js's route bundles load separate copies of this module).
import type { Prisma } from "@/generated/prisma/client";
import type { OutgoingEvent } from "@/server/realtime/publish";
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
  /** False for an event older than one already recorded (a late "shipped" after "delivered"). */
  isLatest: boolean;
}

export async function onOrderStatusEvent(_tx: Prisma.TransactionClient, _event: OrderStatusEvent): Promise<OutgoingEvent[]> {
  return [];
}
