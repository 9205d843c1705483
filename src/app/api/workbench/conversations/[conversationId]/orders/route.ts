// CONSOLE-7, SET-5: GET /api/workbench/conversations/{conversationId}/orders — the chat's buyer's orders.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { parseQuery, requireUuidParam } from "@/server/services/integration/parse-request";
import { listBuyerOrders } from "@/server/services/workbench/list-buyer-orders";
import { WorkbenchOrderQuerySchema } from "@/shared/workbench";

export const GET = defineMemberRoute({
  action: "workbench:read",
  handler: async ({ member, request, params }) => {
    const conversationId = requireUuidParam(params, "conversationId", "chat");
    const query = parseQuery(request, WorkbenchOrderQuerySchema);
    return listBuyerOrders(getDb(), { member, conversationId, cursor: query.cursor, limit: query.limit });
  },
});
