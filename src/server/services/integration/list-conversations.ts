// API-1: the token's shop's conversations, newest first, paginated by an opaque cursor (the last
// conversation id of the previous page), so pages stay stable while new chats arrive.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { ConversationListQuery, ConversationSummary } from "@/shared/api-v1-schemas";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./api-dto";

export async function listConversations(
  db: Database,
  input: { shopId: string; query: ConversationListQuery },
): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
  const { shopId, query } = input;
  if (query.cursor) {
    const cursorRow = await db.conversation.findFirst({ where: { id: query.cursor, shopId }, select: { id: true } });
    if (!cursorRow) throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
  const rows = await db.conversation.findMany({
    where: { shopId, ...(query.buyerExternalId ? { buyer: { externalId: query.buyerExternalId } } : {}) },
    include: CONVERSATION_SUMMARY_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    conversations: page.map(toConversationSummary),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
