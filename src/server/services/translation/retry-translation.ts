// SET-3: a member asks for a message's translation again (the console's Retry under a failed
// translation). Whoever may see the chat and reply may ask; the translation runs in the queue
// like any other and its result follows as message.translated (to the chat's audience now, and
// to the member who asked).
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import type { MemberContext } from "@/server/services/resolve-member";
import { getTranslator } from "@/server/translation/translator-registry";

export async function retryTranslation(db: Database, input: { member: MemberContext; messageId: string }): Promise<{ queued: boolean }> {
  assertCan(input.member, "message:send");
  const message = await db.message.findFirst({ where: { id: input.messageId, shopId: input.member.shopId }, select: { id: true, conversationId: true, authorType: true } });
  if (!message) throw new AppError("NOT_FOUND", "That message was not found.");
  // A chat the member may not see is "not found", as everywhere in the console.
  const conversation = await loadVisibleConversation(db, input.member, message.conversationId);
  const translator = getTranslator();
  if (!translator) return { queued: false };
  return {
    queued: translator.schedule({
      messageId: message.id,
      conversationId: message.conversationId,
      rooms: null,
      buyerId: message.authorType === "buyer" ? null : conversation.buyerId,
      requestedBy: input.member.memberId,
    }),
  };
}
