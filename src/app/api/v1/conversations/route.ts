// API-1: GET /api/v1/conversations — the shop's conversations, newest first, paginated.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { listConversations } from "@/server/services/integration/list-conversations";
import { ConversationListQuerySchema } from "@/shared/api-v1-schemas";

export const GET = defineApiRoute({
  auth: "token",
  query: ConversationListQuerySchema,
  handler: async ({ db, token, query }) => {
    const { conversations, nextCursor } = await listConversations(db, { shopId: token.shopId, query });
    return { body: { data: conversations, nextCursor } };
  },
});
