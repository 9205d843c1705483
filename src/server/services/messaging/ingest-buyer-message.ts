// A buyer's message (CHAT-1, CHAT-3, CHAT-9). In one transaction: refuse blocked buyers, find or
// create the conversation, lock it, return the stored message for a retried clientId, open a
// session when none is queued or open (with its category from the page's context, CONSOLE-3),
// append with the next sequence number, start the SLA clock and schedule the 7-day expiry.
// After commit the caller publishes the events and drains the queue when a session opened.
import { AppError } from "@/core/errors";
import { categoryFromContext } from "@/core/session/category";
import { expiresAt } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { scheduleSessionExpiry } from "@/server/jobs/schedule";
import { appendMessage, findMessageByClientId, lockConversation, type Tx } from "@/server/services/messaging/append-message";
import { renderGreeting } from "@/server/services/messaging/greeting";
import { toMessageDto, SESSION_ASSIGNEE_INCLUDE, toSessionDto, toWidgetSessionDto, type MessageRow } from "@/server/services/messaging/message-dto";
import { resolveContent } from "@/server/services/messaging/resolve-content";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience } from "@/server/realtime/rooms";
import type { MessageDto } from "@/shared/dto";
import type { TBuyerMessageContent } from "@/shared/message-schemas";

export const BLOCKED_NOTICE = "This shop is not accepting messages from you.";

export interface BuyerMessageInput {
  shopId: string;
  buyerId: string;
  clientId: string;
  content: TBuyerMessageContent;
  /** What the buyer was looking at (WIDGET-2); sets the category of a new session. */
  context?: { productId?: string | null; orderId?: string | null };
  now?: Date;
}

export interface BuyerMessageResult {
  message: MessageDto;
  isDuplicate: boolean;
  openedSessionId: string | null;
  events: OutgoingEvent[];
}

export async function ingestBuyerMessage(db: Database, input: BuyerMessageInput): Promise<BuyerMessageResult> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const buyer = await tx.buyer.findFirst({ where: { id: input.buyerId, shopId: input.shopId }, include: { blocked: true, conversation: { select: { id: true } } } });
    if (!buyer) throw new AppError("NOT_FOUND", "Unknown buyer.");
    if (buyer.blocked) throw new AppError("FORBIDDEN", BLOCKED_NOTICE);

    const conversationId = buyer.conversation?.id ?? (await createConversation(tx, input.shopId, input.buyerId, now));
    const conversation = (await lockConversation(tx, conversationId))!;
    const existing = await findMessageByClientId(tx, conversationId, input.clientId);
    if (existing) return { message: toMessageDto(existing), isDuplicate: true, openedSessionId: null, events: [] };

    const content = await resolveContent(tx, { shopId: input.shopId, content: input.content, sender: { type: "buyer", buyerId: input.buyerId } });
    const notes: MessageRow[] = [];
    let sessionId = conversation.activeSessionId;
    let openedSessionId: string | null = null;
    if (!sessionId) {
      const category = await categoryForContext(tx, input.shopId, input.buyerId, input.context);
      const session = await tx.chatSession.create({
        data: {
          shopId: input.shopId, conversationId, state: "queued", queuedAt: now, createdAt: now, category,
          contextProductId: input.context?.productId ?? null, contextOrderId: input.context?.orderId ?? null,
        },
      });
      await tx.conversation.update({ where: { id: conversationId }, data: { activeSessionId: session.id } });
      conversation.activeSessionId = session.id;
      sessionId = openedSessionId = session.id;
    }

    const stored = await appendMessage(tx, conversation, { sessionId, clientId: input.clientId, authorType: "buyer", ...content }, now);
    const session = await tx.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
    const startsClock = session.oldestUnansweredAt === null;
    const updatedSession = await tx.chatSession.update({
      where: { id: sessionId },
      data: { lastBuyerMessageAt: now, ...(startsClock ? { oldestUnansweredAt: now } : {}) },
      include: SESSION_ASSIGNEE_INCLUDE,
    });
    if (startsClock) await scheduleSessionExpiry(tx, sessionId, expiresAt(now));

    if (openedSessionId) {
      const greeting = await renderGreeting(tx, { shopId: input.shopId, buyerNickname: buyer.nickname });
      if (greeting) notes.push(await appendMessage(tx, conversation, { sessionId, authorType: "bot", kind: "text", body: greeting, isAutomatic: true }, now));
    }

    const message = toMessageDto(stored);
    const audience = consoleAudience(updatedSession);
    const events: OutgoingEvent[] = [
      toConsole(audience, "message.created", { conversationId, message }),
      toWidget(input.buyerId, "message.created", { conversationId, message }),
      toConsole(audience, "session.changed", { session: toSessionDto(updatedSession), change: openedSessionId ? "created" : "buyer_wrote" }),
    ];
    if (openedSessionId) events.push(toWidget(input.buyerId, "session.changed", { session: toWidgetSessionDto(updatedSession) }));
    for (const note of notes) {
      const noteDto = toMessageDto(note);
      events.push(toConsole(audience, "message.created", { conversationId, message: noteDto }), toWidget(input.buyerId, "message.created", { conversationId, message: noteDto }));
    }
    return { message, isDuplicate: false, openedSessionId, events };
  });
}

async function createConversation(tx: Tx, shopId: string, buyerId: string, now: Date): Promise<string> {
  // Two first messages racing: the unique buyerId lets one insert win; the other reads it.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Conversation" ("id", "shopId", "buyerId", "createdAt")
    VALUES (gen_random_uuid(), ${shopId}::uuid, ${buyerId}::uuid, ${now})
    ON CONFLICT ("buyerId") DO UPDATE SET "buyerId" = EXCLUDED."buyerId"
    RETURNING id`;
  return rows[0]!.id;
}

async function categoryForContext(tx: Tx, shopId: string, buyerId: string, context: BuyerMessageInput["context"]) {
  if (!context) return null;
  const order = context.orderId ? await tx.order.findFirst({ where: { id: context.orderId, shopId, buyerId }, select: { status: true } }) : null;
  const product = context.productId ? await tx.product.findFirst({ where: { id: context.productId, shopId }, select: { id: true } }) : null;
  return categoryFromContext({ productId: product?.id, orderStatus: order?.status });
}
