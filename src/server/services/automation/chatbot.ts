// AUTO-5: the chatbot. A session opened while the shop's bot is on starts with the bot
// (ChatSession.botActive: queued, but the drain skips it). Each buyer turn is decided by the pure
// rules (src/core/automation/chatbot.ts): an FAQ answer, a request to rephrase, or the hand-over,
// which puts the session in the Unassigned queue (from then on it is an ordinary queued session),
// with a note the buyer sees and the buyer's questions in its payload for the agent.
// Every decision is re-read under the conversation's lock, the same lock the assignment takes, so
// the bot never speaks after an agent joined and hands over at most once.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import {
  botHolds, CHATBOT_AUTOMATION, decideBotTurn, decideButton, HANDOVER_NOTE, handoverPayload, REPHRASE_REPLY,
  type BuyerTurn, type ChatbotAction, type HandoverReason,
} from "@/core/automation/chatbot";
import { DEFAULT_AUTO_SEND_THRESHOLD } from "@/core/faq";
import type { Database } from "@/server/db/client";
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { appendSystemNotes } from "@/server/services/assignment/apply-assignments";
import { recommendReplies } from "@/server/services/faq/recommend";
import { appendMessage, lockConversation, MESSAGE_TRANSACTION_OPTIONS, type LockedConversation, type Tx } from "@/server/services/messaging/append-message";
import { SESSION_ASSIGNEE_INCLUDE, toMessageDto, toSessionDto, toWidgetSessionDto, type MessageRow } from "@/server/services/messaging/message-dto";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience } from "@/server/realtime/rooms";

/** Sessions handed over per transaction when the shop switches the bot off. */
const SWITCH_OFF_BATCH = 200;

export interface ChatbotSettingsDto {
  enabled: boolean;
}

export async function readChatbotSettings(db: Database, input: { actor: MemberContext }): Promise<ChatbotSettingsDto> {
  assertCan(input.actor, "automation:update");
  const settings = await db.shopSettings.findUnique({ where: { shopId: input.actor.shopId }, select: { chatbotEnabled: true } });
  return { enabled: settings?.chatbotEnabled ?? false };
}

/**
 * Switching on affects sessions opened from now on. Switching off hands every session the bot
 * still holds to people (with the buyer's note), so none waits for a bot that is gone.
 */
export async function updateChatbotSettings(db: Database, input: { actor: MemberContext; enabled: boolean; now?: Date }): Promise<ServiceResult<ChatbotSettingsDto>> {
  assertCan(input.actor, "automation:update");
  if (typeof input.enabled !== "boolean") throw new AppError("BAD_INPUT", "enabled must be true or false.", { enabled: ["true or false"] });
  const shopId = input.actor.shopId;
  await db.shopSettings.upsert({ where: { shopId }, create: { shopId, chatbotEnabled: input.enabled }, update: { chatbotEnabled: input.enabled } });
  const events: OutgoingEvent[] = [];
  if (!input.enabled) {
    // A cursor, so that a session that could not be handed over is never picked again.
    let after: string | undefined;
    for (;;) {
      const held = await db.chatSession.findMany({
        where: { shopId, botActive: true, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, conversationId: true }, take: SWITCH_OFF_BATCH, orderBy: { id: "asc" },
      });
      if (held.length === 0) break;
      after = held.at(-1)!.id;
      for (const session of held) {
        const outcome = await db.$transaction(async (tx) => {
          const conversation = await lockConversation(tx, session.conversationId);
          const current = await tx.chatSession.findUnique({ where: { id: session.id } });
          if (!conversation || !current || !current.botActive) return [];
          if (!botHolds(current)) {
            // Closed or taken meanwhile: only the flag is left to clear.
            await tx.chatSession.update({ where: { id: session.id }, data: { botActive: false } });
            return [];
          }
          return handOver(tx, { shopId, conversation, sessionId: session.id, reason: "bot_off", now: input.now ?? new Date() });
        }, MESSAGE_TRANSACTION_OPTIONS);
        events.push(...outcome);
      }
    }
  }
  return serviceResult({ enabled: input.enabled }, events, input.enabled ? [] : [shopId]);
}

/** Whether a session the buyer opens now starts with the bot. */
export async function chatbotEnabledFor(tx: Tx | Database, shopId: string): Promise<boolean> {
  const settings = await tx.shopSettings.findUnique({ where: { shopId }, select: { chatbotEnabled: true } });
  return settings?.chatbotEnabled ?? false;
}

export interface ChatbotTurnInput {
  shopId: string;
  buyerId: string;
  conversationId: string;
  sessionId: string;
  /** The stored buyer message the bot answers. */
  messageId: string;
  kind: "text" | "other";
  text: string;
  now?: Date;
}

export interface ChatbotTurnData {
  /** False when the bot does not hold the session: the buyer message takes the usual path. */
  handled: boolean;
  action: ChatbotAction["kind"];
  reason: HandoverReason | null;
}

/** The bot's part after a buyer message is stored (its own transaction, like AUTO-4). */
export async function chatbotTurn(db: Database, input: ChatbotTurnInput): Promise<ServiceResult<ChatbotTurnData>> {
  const notHandled = serviceResult<ChatbotTurnData>({ handled: false, action: "stay_out", reason: null });
  const glance = await db.chatSession.findUnique({ where: { id: input.sessionId }, select: { botActive: true } });
  if (!glance?.botActive) return notHandled;
  const settings = await db.shopSettings.findUnique({ where: { shopId: input.shopId }, select: { chatbotEnabled: true, autoSendThreshold: true } });
  // The bot answers by the same safety rules as auto-send, at the shop's threshold (or the default).
  const recommendation = input.kind === "text"
    ? await recommendReplies(db, { shopId: input.shopId, text: input.text, threshold: settings?.autoSendThreshold ?? DEFAULT_AUTO_SEND_THRESHOLD })
    : null;
  const turn: BuyerTurn = {
    kind: input.kind,
    text: input.text,
    decision: recommendation?.autoSend ?? { send: false, reason: "no_match" },
    bestScore: recommendation?.recommendations[0]?.score ?? null,
  };
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, input.conversationId);
    const session = await tx.chatSession.findUnique({ where: { id: input.sessionId } });
    if (!conversation || !session || session.shopId !== input.shopId) return notHandled;
    const action = decideBotTurn(session, { chatbotEnabled: settings?.chatbotEnabled ?? false, turn });
    if (action.kind === "stay_out") return notHandled;
    const data = (reason: HandoverReason | null): ChatbotTurnData => ({ handled: true, action: action.kind, reason });
    if (action.kind === "hand_over") {
      const events = await handOver(tx, { shopId: input.shopId, conversation, sessionId: session.id, reason: action.reason, now });
      return serviceResult(data(action.reason), events, [input.shopId]);
    }
    const chosen = action.kind === "answer" ? recommendation?.recommendations.find((candidate) => candidate.faqEntryId === action.entryKey) : undefined;
    if (action.kind === "answer" && !chosen) return serviceResult(data(null));
    // Message.answersMessageId is unique: one bot reply per buyer message, whatever retries.
    const already = await tx.message.findUnique({ where: { answersMessageId: input.messageId }, select: { id: true } });
    if (already) return serviceResult(data(null));
    const reply = await appendMessage(tx, conversation, {
      sessionId: session.id, authorType: "bot", kind: "text", isAutomatic: true,
      body: chosen ? chosen.answer : REPHRASE_REPLY,
      payload: chosen
        ? { automation: CHATBOT_AUTOMATION, faqAnswer: { faqId: chosen.id, score: chosen.score, answersMessageId: input.messageId } }
        : { automation: CHATBOT_AUTOMATION, rephrase: true },
    }, now);
    await tx.message.update({ where: { id: reply.id }, data: { answersMessageId: input.messageId, ...(chosen ? { faqEntryId: chosen.faqEntryId } : {}) } });
    await tx.chatSession.update({ where: { id: session.id }, data: { botUnansweredTurns: action.unansweredTurns } });
    return serviceResult(data(null), messageEvents(input.shopId, conversation, reply));
  }, MESSAGE_TRANSACTION_OPTIONS);
}

/** The widget's "Talk to a person" button (command `session:request_person`). */
export async function requestPerson(db: Database, input: { shopId: string; buyerId: string; sessionId: string; now?: Date }): Promise<ServiceResult<{ handedOver: boolean }>> {
  const session = await db.chatSession.findFirst({
    where: { id: input.sessionId, shopId: input.shopId, conversation: { buyerId: input.buyerId } },
    select: { id: true, conversationId: true },
  });
  if (!session) throw new AppError("NOT_FOUND", "No such chat.");
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, session.conversationId);
    const current = await tx.chatSession.findUnique({ where: { id: session.id } });
    if (!conversation || !current) throw new AppError("NOT_FOUND", "No such chat.");
    const action = decideButton(current);
    // Already with people (or closed): nothing to do, and no second note.
    if (action.kind !== "hand_over") return serviceResult({ handedOver: false });
    const events = await handOver(tx, { shopId: input.shopId, conversation, sessionId: current.id, reason: action.reason, now });
    return serviceResult({ handedOver: true }, events, [input.shopId]);
  }, MESSAGE_TRANSACTION_OPTIONS);
}

/**
 * The hand-over, inside the caller's transaction with the conversation locked: the bot lets go
 * for good, the session enters the queue now (queue order and wait count from here), the buyer
 * sees the note, and the note's payload lists what the buyer asked (for the agent).
 */
async function handOver(tx: Tx, input: { shopId: string; conversation: LockedConversation; sessionId: string; reason: HandoverReason; now: Date }): Promise<OutgoingEvent[]> {
  const { shopId, conversation, sessionId, now } = input;
  const asked = await tx.message.findMany({
    where: { sessionId, authorType: "buyer", kind: "text" },
    orderBy: { seq: "desc" },
    take: 5,
    select: { body: true },
  });
  await tx.chatSession.update({ where: { id: sessionId }, data: { botActive: false, handedOverAt: now, queuedAt: now, updatedAt: now } });
  const [note] = await appendSystemNotes(tx, {
    shopId, now,
    notes: [{ conversationId: conversation.id, sessionId, body: HANDOVER_NOTE, payload: handoverPayload(input.reason, asked.map((row) => row.body).reverse()) }],
  });
  conversation.lastSeq += 1;
  await refreshSessionFacts(tx, shopId, [sessionId]);
  const session = await tx.chatSession.findUniqueOrThrow({ where: { id: sessionId }, include: SESSION_ASSIGNEE_INCLUDE });
  const audience = consoleAudience({ shopId, state: session.state, assigneeId: session.assigneeId });
  return [
    ...messageEvents(shopId, conversation, note!),
    toConsole(audience, "session.changed", { session: toSessionDto(session), change: "handed_over" }),
    toWidget(conversation.buyerId, "session.changed", { session: toWidgetSessionDto(session) }),
  ];
}

function messageEvents(shopId: string, conversation: LockedConversation, row: MessageRow): OutgoingEvent[] {
  const message = toMessageDto(row);
  const audience = consoleAudience({ shopId, state: "queued", assigneeId: null });
  return [
    toConsole(audience, "message.created", { conversationId: conversation.id, message }),
    toWidget(conversation.buyerId, "message.created", { conversationId: conversation.id, message }),
  ];
}
