// A buyer's message (CHAT-1, CHAT-3, CHAT-9). In one transaction: refuse blocked buyers, find or
// create the conversation, lock it, return the stored message for a retried clientId, open a
// session when none is queued or open (with its category from the page's context, CONSOLE-3),
// append with the next sequence number, start the SLA clock and schedule the 7-day expiry.
// The result names the shop to drain when a session opened; the adapter publishes and drains.
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { AppError } from "@/core/errors";
import { categoryFromContext } from "@/core/session/category";
import { expiresAt } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { appendMessage, findMessageByClientId, MESSAGE_TRANSACTION_OPTIONS, previewOf, type Tx } from "@/server/services/messaging/append-message";
import { appendBuyerMessages, lockBuyerHead, type AppendedBuyerMessage, type BuyerAppendInput, type FastPathOutcome } from "@/server/services/messaging/buyer-message-sql";
import { buyerAppendGroupOf } from "@/server/services/messaging/buyer-append-group";
import { driverPoolOf } from "@/server/db/client";
import { GREETING_PAYLOAD, greetingDue, recordGreeting } from "@/server/services/messaging/greeting";
import { toMessageDto, toSessionDto, toWidgetSessionDto, type MessageRow } from "@/server/services/messaging/message-dto";
import { resolveContent, type ResolvedContent } from "@/server/services/messaging/resolve-content";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { autoAnswerBuyerMessage } from "@/server/services/faq/auto-answer";
import type { KnownLibrary } from "@/server/services/faq/recommend";
import { chatbotEnabledFor, chatbotTurn } from "@/server/services/automation/chatbot";
import { consoleAudience } from "@/server/realtime/rooms";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
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

export interface BuyerMessageData {
  message: MessageDto;
  isDuplicate: boolean;
  openedSessionId: string | null;
}

/** A message that opened a session names its shop for a drain (the new chat is queued, ASSIGN-1). */
export type BuyerMessageResult = ServiceResult<BuyerMessageData>;

export async function ingestBuyerMessage(db: Database, input: BuyerMessageInput): Promise<BuyerMessageResult> {
  const { result, facts } = await storeBuyerMessage(db, input);
  if (result.data.isDuplicate || !result.data.message.sessionId) return result;
  const { message } = result.data;
  // AUTO-5: while the chatbot holds the session it answers (or hands over) instead of AUTO-4.
  if (facts.botActive !== false) {
    try {
      const bot = await chatbotTurn(db, {
        shopId: input.shopId, buyerId: input.buyerId, conversationId: message.conversationId, sessionId: message.sessionId!, messageId: message.id,
        kind: message.kind === "text" ? "text" : "other", text: message.body, now: input.now,
      });
      if (bot.data.handled) return { ...result, events: [...result.events, ...bot.events], drain: [...new Set([...result.drain, ...bot.drain])] };
    } catch (error) {
      // As for AUTO-4: the buyer's message is stored; the session stays with the bot, and the
      // next turn (or the "Talk to a person" button) decides again.
      console.error("AUTO-5: the chatbot's turn failed", error);
      return result;
    }
  }
  if (message.kind !== "text") return result;
  // AUTO-4: the automatic FAQ answer, after the buyer's message committed (its own transaction).
  const audience = result.events.find((event) => event.target === "console" && event.event === "message.created");
  try {
    const outcome = await autoAnswerBuyerMessage(db, {
      shopId: input.shopId, conversationId: message.conversationId, buyerId: input.buyerId, sessionId: message.sessionId!,
      messageId: message.id, text: message.body, audience: audience && "rooms" in audience ? audience.rooms : [], now: input.now,
      library: facts.library,
    });
    return outcome.events.length > 0 ? { ...result, events: [...result.events, ...outcome.events] } : result;
  } catch (error) {
    // The buyer's message is stored; a failed automatic answer must not turn it into an error
    // (the buyer would retry a message that arrived). An agent answers it as usual.
    console.error("AUTO-4: the automatic FAQ answer failed", error);
    return result;
  }
}

/**
 * What storing the message told the automatic steps, so that they skip their own reads when they
 * can: whether the bot holds the session and the shop's FAQ library (absent: not known).
 */
interface StoredFacts {
  botActive?: boolean;
  library?: KnownLibrary;
}

/** The buyer's message as the append statement takes it, on either path. */
function appendInputOf(input: BuyerMessageInput, content: ResolvedContent, now: Date): BuyerAppendInput {
  return {
    shopId: input.shopId, buyerId: input.buyerId, clientId: input.clientId, content, preview: previewOf({ ...content, authorType: "buyer" }), now, expiresAt: expiresAt(now),
  };
}

/** The common path: grouped with other buyers' messages when the driver pool is at hand (buyer-append-group.ts). */
async function appendOnCommonPath(db: Database, input: BuyerAppendInput): Promise<FastPathOutcome> {
  const pool = driverPoolOf(db);
  if (pool) return buyerAppendGroupOf(pool).append(input);
  const [outcome] = await appendBuyerMessages(db, [input]);
  return outcome!;
}

async function storeBuyerMessage(db: Database, input: BuyerMessageInput): Promise<{ result: BuyerMessageResult; facts: StoredFacts }> {
  const now = input.now ?? new Date();
  const content = await resolveContent(db, { shopId: input.shopId, content: input.content, sender: { type: "buyer", buyerId: input.buyerId } });
  const fast = await appendOnCommonPath(db, appendInputOf(input, content, now));
  if (fast.kind === "appended") {
    return {
      result: serviceResult(
        { message: toMessageDto(fast.appended.message), isDuplicate: false, openedSessionId: null },
        buyerMessageEvents({ ...input, conversationId: fast.conversation.id, appended: fast.appended, openedSession: false, notes: [] }),
      ),
      facts: { botActive: fast.appended.session.botActive, library: fast.library },
    };
  }
  const unknown: StoredFacts = {};
  if (fast.kind === "duplicate") {
    const existing = await findMessageByClientId(db, fast.conversationId, input.clientId);
    if (existing) return { result: serviceResult({ message: toMessageDto(existing), isDuplicate: true, openedSessionId: null }), facts: unknown };
  }
  return { result: await ingestInTransaction(db, input, content, now), facts: unknown };
}

/** The first message, a message after a closed session, and every refusal. */
async function ingestInTransaction(db: Database, input: BuyerMessageInput, content: ResolvedContent, now: Date): Promise<BuyerMessageResult> {
  return db.$transaction(async (tx) => {
    let head = await lockBuyerHead(tx, input.shopId, input.buyerId);
    if (!head) throw new AppError("NOT_FOUND", "Unknown buyer.");
    if (head.isBlocked) throw new AppError("FORBIDDEN", BLOCKED_NOTICE);
    if (!head.conversation) {
      await createConversation(tx, input.shopId, input.buyerId, now);
      head = (await lockBuyerHead(tx, input.shopId, input.buyerId))!;
    }
    const conversation = head.conversation!;
    const duplicateOf = async () => {
      const existing = await findMessageByClientId(tx, conversation.id, input.clientId);
      return existing ? serviceResult<BuyerMessageData>({ message: toMessageDto(existing), isDuplicate: true, openedSessionId: null }) : null;
    };

    let sessionId = conversation.activeSessionId;
    let openedSessionId: string | null = null;
    let openedWithBot = false;
    if (!sessionId) {
      // Rare path: check for a retry before opening a session, so a retry never opens one.
      const duplicate = await duplicateOf();
      if (duplicate) return duplicate;
      const context = await verifiedContext(tx, input.shopId, input.buyerId, input.context);
      // AUTO-5: the shop's switch as it is now decides; a reopened chat after the bot was
      // switched off starts with people.
      const withBot = await chatbotEnabledFor(tx, input.shopId);
      const session = await tx.chatSession.create({
        data: {
          shopId: input.shopId, conversationId: conversation.id, state: "queued", queuedAt: now, createdAt: now, category: context.category, botActive: withBot,
          contextProductId: context.productId, contextOrderId: context.orderId,
        },
      });
      await tx.conversation.update({ where: { id: conversation.id }, data: { activeSessionId: session.id } });
      conversation.activeSessionId = session.id;
      sessionId = openedSessionId = session.id;
      openedWithBot = withBot;
    }

    // The same one-statement append as the common path, now that the session exists; the
    // conversation is already locked by this transaction.
    const [outcome] = await appendBuyerMessages(tx, [appendInputOf(input, content, now)]);
    if (outcome!.kind === "duplicate") return (await duplicateOf())!;
    if (outcome!.kind !== "appended") throw new AppError("INTERNAL", "The message could not be stored. Nothing was changed.");
    const { appended } = outcome!;
    conversation.lastSeq = appended.message.seq;

    const notes: MessageRow[] = [];
    if (openedSessionId) {
      // AUTO-1: once per repeat window; automatic, so it is never an agent's reply.
      const greeting = await greetingDue(tx, { shopId: input.shopId, conversationId: conversation.id, buyerNickname: head.nickname, now });
      if (greeting) {
        notes.push(await appendMessage(tx, conversation, { sessionId, authorType: "bot", kind: "text", body: greeting, payload: GREETING_PAYLOAD, isAutomatic: true }, now));
        await recordGreeting(tx, conversation.id, now);
      }
    }

    // Analytics (issue 11 item 5): the new session's fact, in this transaction.
    if (openedSessionId) await refreshSessionFacts(tx, input.shopId, [openedSessionId]);

    const message = toMessageDto(appended.message);
    const events = buyerMessageEvents({ ...input, conversationId: conversation.id, appended, openedSession: openedSessionId !== null, notes });
    // A session the bot holds is not routed yet (the drain would skip it anyway).
    return serviceResult({ message, isDuplicate: false, openedSessionId }, events, openedSessionId && !openedWithBot ? [input.shopId] : []);
  }, MESSAGE_TRANSACTION_OPTIONS);
}

/**
 * Who hears of a buyer's message: the console rooms that may see the session and the buyer's own
 * widgets. The session itself is re-sent only when it changed in a way lists show: it opened,
 * or this message started its SLA clock ("Not replied", waiting time).
 */
function buyerMessageEvents(input: {
  shopId: string;
  buyerId: string;
  conversationId: string;
  appended: AppendedBuyerMessage;
  openedSession: boolean;
  notes: MessageRow[];
}): OutgoingEvent[] {
  const { conversationId, appended } = input;
  const message = toMessageDto(appended.message);
  const audience = consoleAudience({ shopId: input.shopId, state: appended.session.state, assigneeId: appended.session.assigneeId });
  const events: OutgoingEvent[] = [
    toConsole(audience, "message.created", { conversationId, message }),
    toWidget(input.buyerId, "message.created", { conversationId, message }),
  ];
  if (input.openedSession || appended.startedClock) {
    events.push(toConsole(audience, "session.changed", { session: toSessionDto(appended.session), change: input.openedSession ? "created" : "buyer_wrote" }));
  }
  if (input.openedSession) events.push(toWidget(input.buyerId, "session.changed", { session: toWidgetSessionDto(appended.session) }));
  for (const note of input.notes) {
    const noteDto = toMessageDto(note);
    events.push(toConsole(audience, "message.created", { conversationId, message: noteDto }), toWidget(input.buyerId, "message.created", { conversationId, message: noteDto }));
  }
  return events;
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

/**
 * WIDGET-2: the page context as far as it is true. The order must be this buyer's own and the
 * product this shop's; anything else (another buyer's order, an unknown id) is dropped, so the
 * console never shows a context the buyer could not see themselves.
 */
async function verifiedContext(tx: Tx, shopId: string, buyerId: string, context: BuyerMessageInput["context"]) {
  if (!context) return { category: null, productId: null, orderId: null };
  const order = context.orderId ? await tx.order.findFirst({ where: { id: context.orderId, shopId, buyerId }, select: { id: true, status: true } }) : null;
  const product = context.productId ? await tx.product.findFirst({ where: { id: context.productId, shopId }, select: { id: true } }) : null;
  return { category: categoryFromContext({ productId: product?.id, orderStatus: order?.status }), productId: product?.id ?? null, orderId: order?.id ?? null };
}
