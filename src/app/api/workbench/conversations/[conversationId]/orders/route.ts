// CONSOLE-7, SET-5: GET /api/workbench/conversations/{conversationId}/orders — the chat's buyer's orders.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { parseQuery, requireUuidParam } from "@/server/services/integration/parse-request";
import { listBuyerOrders } from "@/server/services/workbench/list-buyer-orders";
import { WorkbenchOrderQuerySchema } from "@/shared/workbench";

export const GET = defineMemberRoute({
  action: "workbench:read",
  handler: async ({ member, request, params }) => {
    const conversationId = requireUuidParam(params, "conversationId", "chat");
    const query = parseQuery(request, WorkbenchOrderQuerySchema);
    return callService(listBuyerOrders, { member, conversationId, cursor: query.cursor, limit: query.limit });
  },
});
