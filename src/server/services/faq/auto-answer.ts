// AUTO-4: after a buyer's text message is stored, the best FAQ answer is sent automatically when
// the rules allow it (src/core/faq/auto-send.ts, docs/faq.md): as the bot, marked automatic,
// recording which buyer message it answers. Message.answersMessageId is unique, so a retried or
// raced call sends at most one answer per buyer message. The bot's message is no agent reply: it
// neither stops the SLA clock nor counts in response figures (authorType bot, like the greeting).
import type { Database } from "@/server/db/client";
import { appendMessage, lockConversation, MESSAGE_TRANSACTION_OPTIONS } from "@/server/services/messaging/append-message";
import { toMessageDto, type MessageRow } from "@/server/services/messaging/message-dto";
import { faqLibraryOf, recommendReplies, type KnownLibrary, type RecommendationResult } from "@/server/services/faq/recommend";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";

export interface AutoAnswerInput {
  shopId: string;
  conversationId: string;
  buyerId: string;
  sessionId: string;
  /** The stored buyer message. */
  messageId: string;
  text: string;
  /** Console rooms that see the session (consoleAudience). */
  audience: string[];
  now?: Date;
  /** The library version and threshold read with the buyer's message (not read again). */
  library?: KnownLibrary;
}

export interface AutoAnswerOutcome {
  recommendation: RecommendationResult;
  sent: MessageRow | null;
  events: OutgoingEvent[];
}

export async function autoAnswerBuyerMessage(db: Database, input: AutoAnswerInput): Promise<AutoAnswerOutcome> {
  const library = input.library ?? await faqLibraryOf(db, input.shopId);
  // Automatic answers are off for the shop: nothing to score (an agent's suggestions are asked for on their own).
  if (library.threshold === null) return { recommendation: { recommendations: [], autoSend: { send: false, reason: "off" }, threshold: null }, sent: null, events: [] };
  const recommendation = await recommendReplies(db, { shopId: input.shopId, text: input.text, library });
  const decision = recommendation.autoSend;
  if (!decision.send) return { recommendation, sent: null, events: [] };
  const chosen = recommendation.recommendations.find((candidate) => candidate.faqEntryId === decision.entry.key);
  if (!chosen) return { recommendation, sent: null, events: [] };
  const now = input.now ?? new Date();
  const sent = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, input.conversationId);
    if (!conversation) return null;
    // Under the conversation's lock: a second call for the same buyer message finds the first answer.
    const already = await tx.message.findUnique({ where: { answersMessageId: input.messageId }, select: { id: true } });
    if (already) return null;
    const row = await appendMessage(tx, conversation, {
      sessionId: input.sessionId, authorType: "bot", kind: "text", body: chosen.answer, isAutomatic: true,
      payload: { faqAnswer: { faqId: chosen.id, score: chosen.score, answersMessageId: input.messageId } },
    }, now);
    await tx.message.update({ where: { id: row.id }, data: { answersMessageId: input.messageId, faqEntryId: chosen.faqEntryId } });
    return row;
  }, MESSAGE_TRANSACTION_OPTIONS);
  if (!sent) return { recommendation, sent: null, events: [] };
  const message = toMessageDto(sent);
  return {
    recommendation, sent,
    events: [
      toConsole(input.audience, "message.created", { conversationId: input.conversationId, message }),
      toWidget(input.buyerId, "message.created", { conversationId: input.conversationId, message }),
    ],
  };
}
