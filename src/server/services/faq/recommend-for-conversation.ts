// AUTO-4: the recommendations the console shows beside the composer: for the chat's latest buyer
// text message, if the member may see the chat. Read-only; nothing is sent from here.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { recommendReplies, type Recommendation } from "@/server/services/faq/recommend";
import type { MemberContext } from "@/server/services/resolve-member";

export interface ConversationRecommendations {
  /** The buyer message they answer; null when the chat has no buyer text message. */
  messageId: string | null;
  recommendations: Recommendation[];
  /** The FAQ id already sent automatically for that message, if any. */
  autoSentFaqId: string | null;
}

export async function recommendForConversation(db: Database, input: { actor: MemberContext; conversationId: string }): Promise<ConversationRecommendations> {
  assertCan(input.actor, "faq:read");
  const conversation = await loadVisibleConversation(db, input.actor, input.conversationId);
  const latest = await db.message.findFirst({
    where: { conversationId: conversation.id, authorType: "buyer", kind: "text" },
    orderBy: { seq: "desc" },
    select: { id: true, body: true },
  });
  if (!latest) return { messageId: null, recommendations: [], autoSentFaqId: null };
  const [result, sent] = await Promise.all([
    recommendReplies(db, { shopId: input.actor.shopId, text: latest.body, threshold: null }),
    db.message.findUnique({ where: { answersMessageId: latest.id }, select: { payload: true } }),
  ]);
  const faqAnswer = (sent?.payload as { faqAnswer?: { faqId?: unknown } } | null)?.faqAnswer;
  return { messageId: latest.id, recommendations: result.recommendations, autoSentFaqId: typeof faqAnswer?.faqId === "string" ? faqAnswer.faqId : null };
}
