// AUTO-6: the proactive message for one newly recorded order status event. Runs inside the
// transaction that records the event (on-order-status-event.ts), so the message is committed
// with the event or not at all.
//
// Rules:
// - only when the shop switched that status's template on, and only for the order's newest
//   event (a late "shipped" after "delivered" is old news and sends nothing);
// - once per order and status: the ProactiveMessage row's unique (orderId, status) key is
//   claimed first with INSERT ... ON CONFLICT DO NOTHING, so a twice-delivered event, or a second
//   event with the same status, sends nothing, whichever transaction commits first;
// - the message is the shop's (authorType "bot", isAutomatic, payload.automation "proactive")
//   and belongs to no session: it never opens one, never starts an SLA clock, never counts as
//   unreplied, as a reply or in any response figure;
// - a line whose variable has no value (no tracking number, no ETA) is left out; a template
//   that renders empty sends nothing.
import { formatEta, PROACTIVE_STATUSES, type ProactiveStatus } from "@/core/automation/proactive";
import { renderTemplate } from "@/core/automation/template";
import { appendMessage, lockConversation, type Tx } from "@/server/services/messaging/append-message";
import { toMessageDto } from "@/server/services/messaging/message-dto";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience } from "@/server/realtime/rooms";

export interface ProactiveEvent {
  shopId: string;
  orderId: string;
  orderExternalId: string;
  buyerId: string;
  eventId: string;
  status: string;
  eta: Date | null;
  isLatest: boolean;
}

export const isProactiveStatus = (status: string): status is ProactiveStatus => (PROACTIVE_STATUSES as readonly string[]).includes(status);

export async function sendProactiveMessage(tx: Tx, event: ProactiveEvent): Promise<OutgoingEvent[]> {
  if (!isProactiveStatus(event.status) || !event.isLatest) return [];
  const setting = await tx.proactiveTemplate.findUnique({ where: { shopId_status: { shopId: event.shopId, status: event.status } } });
  if (!setting?.enabled) return [];

  const claimed = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "ProactiveMessage" ("id", "shopId", "orderId", "status", "orderEventId", "createdAt")
    VALUES (gen_random_uuid(), ${event.shopId}::uuid, ${event.orderId}::uuid, ${event.status}::"OrderStatus", ${event.eventId}::uuid, now())
    ON CONFLICT ("orderId", "status") DO NOTHING
    RETURNING id`;
  const claim = claimed[0];
  if (!claim) return [];

  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const shop = await tx.shop.findUniqueOrThrow({ where: { id: event.shopId }, select: { name: true, timeZone: true } });
  const order = await tx.order.findUniqueOrThrow({ where: { id: event.orderId }, select: { carrier: true, trackingNumber: true } });
  const buyer = await tx.buyer.findUniqueOrThrow({ where: { id: event.buyerId }, select: { nickname: true } });
  const body = renderTemplate(setting.template, {
    order_id: event.orderExternalId,
    carrier: order.carrier,
    tracking_number: order.trackingNumber,
    eta: formatEta(event.eta, shop.timeZone),
    buyer: buyer.nickname,
    shop: shop.name,
  });
  if (body.length === 0) return [];

  const conversationId = await findOrCreateConversation(tx, event.shopId, event.buyerId);
  const conversation = (await lockConversation(tx, conversationId))!;
  const now = new Date();
  const payload = { automation: "proactive", orderExternalId: event.orderExternalId, orderStatus: event.status };
  const row = await appendMessage(tx, conversation, { sessionId: null, authorType: "bot", kind: "text", body, payload, isAutomatic: true }, now);
  await tx.proactiveMessage.update({ where: { id: claim.id }, data: { messageId: row.id } });

  const message = toMessageDto(row);
  const events: OutgoingEvent[] = [toWidget(event.buyerId, "message.created", { conversationId, message })];
  // The console members who may see this chat now (its newest session's audience) see it live;
  // a buyer who never chatted is in no list, and the message waits in the conversation's history.
  const session = await tx.chatSession.findFirst({ where: { conversationId }, orderBy: { createdAt: "desc" }, select: { state: true, assigneeId: true } });
  if (session) events.push(toConsole(consoleAudience({ shopId: event.shopId, state: session.state, assigneeId: session.assigneeId }), "message.created", { conversationId, message }));
  return events;
}

async function findOrCreateConversation(tx: Tx, shopId: string, buyerId: string): Promise<string> {
  // The buyer's one conversation; the unique buyerId lets a racing first message and this insert agree.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Conversation" ("id", "shopId", "buyerId", "createdAt")
    VALUES (gen_random_uuid(), ${shopId}::uuid, ${buyerId}::uuid, now())
    ON CONFLICT ("buyerId") DO UPDATE SET "buyerId" = EXCLUDED."buyerId"
    RETURNING id`;
  return rows[0]!.id;
}
