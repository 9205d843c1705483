// CONSOLE-7: GET /api/workbench/vouchers?conversationId= — vouchers an agent can send now.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { parseQuery } from "@/server/services/integration/parse-request";
import { listAvailableVouchers } from "@/server/services/workbench/list-available-vouchers";
import { WorkbenchVoucherQuerySchema } from "@/shared/workbench";

export const GET = defineMemberRoute({
  action: "workbench:read",
  handler: async ({ member, request }) => {
    const query = parseQuery(request, WorkbenchVoucherQuerySchema);
    return listAvailableVouchers(getDb(), { member, conversationId: query.conversationId });
  },
});
