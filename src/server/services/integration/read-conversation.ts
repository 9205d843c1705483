// API-1: one conversation of the token's shop with its sessions and a page of messages in
// sequence order (CHAT-3); `afterSeq` continues where the previous page stopped.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { ConversationDetail, ConversationReadQuery, MessageOut } from "@/shared/api-v1-schemas";
import { CONVERSATION_SUMMARY_INCLUDE, MESSAGE_OUT_INCLUDE, SESSION_OUT_INCLUDE, toConversationDetail, toMessageOut } from "./api-dto";

export async function readConversation(
  db: Database,
  input: { shopId: string; conversationId: string; query: ConversationReadQuery },
): Promise<{ conversation: ConversationDetail; messages: MessageOut[]; nextAfterSeq: number | null }> {
  const { shopId, conversationId, query } = input;
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, shopId }, include: CONVERSATION_SUMMARY_INCLUDE });
  if (!conversation) throw new AppError("NOT_FOUND", "This conversation does not exist in this shop.");
  const [sessions, messages] = await Promise.all([
    db.chatSession.findMany({ where: { conversationId, shopId }, include: SESSION_OUT_INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.message.findMany({
      where: { conversationId, shopId, seq: { gt: query.afterSeq } },
      include: MESSAGE_OUT_INCLUDE,
      orderBy: { seq: "asc" },
      take: query.limit,
    }),
  ]);
  const lastSeq = messages.at(-1)?.seq;
  return {
    conversation: toConversationDetail(conversation, sessions),
    messages: messages.map(toMessageOut),
    nextAfterSeq: lastSeq !== undefined && lastSeq < conversation.lastSeq ? lastSeq : null,
  };
}
