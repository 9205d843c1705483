// API-1: GET /api/v1/conversations/{conversationId} — one conversation with a page of messages.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { requireUuidParam } from "@/server/services/integration/parse-request";
import { readConversation } from "@/server/services/integration/read-conversation";
import { ConversationReadQuerySchema } from "@/shared/api-v1-schemas";

export const GET = defineApiRoute({
  auth: "token",
  query: ConversationReadQuerySchema,
  handler: async ({ db, token, query, params }) => {
    const conversationId = requireUuidParam(params, "conversationId", "conversation");
    const { conversation, messages, nextAfterSeq } = await readConversation(db, { shopId: token.shopId, conversationId, query });
    return { body: { data: conversation, messages, nextAfterSeq } };
  },
});
