// CONSOLE-7: GET /api/workbench/products?q=&cursor=&limit= — the shop's live products.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { parseQuery } from "@/server/services/integration/parse-request";
import { searchLiveProducts } from "@/server/services/workbench/search-live-products";
import { WorkbenchProductQuerySchema } from "@/shared/workbench";

export const GET = defineMemberRoute({
  action: "workbench:read",
  handler: async ({ member, request }) => {
    const query = parseQuery(request, WorkbenchProductQuerySchema);
    return callService(searchLiveProducts, { shopId: member.shopId, q: query.q, cursor: query.cursor, limit: query.limit });
  },
});
