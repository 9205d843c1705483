// CONSOLE-7: GET /api/workbench/vouchers?conversationId= — vouchers an agent can send now.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { parseQuery } from "@/server/services/integration/parse-request";
import { listAvailableVouchers } from "@/server/services/workbench/list-available-vouchers";
import { WorkbenchVoucherQuerySchema } from "@/shared/workbench";

export const GET = defineMemberRoute({
  action: "workbench:read",
  handler: async ({ member, request }) => {
    const query = parseQuery(request, WorkbenchVoucherQuerySchema);
    return callService(listAvailableVouchers, { member, conversationId: query.conversationId });
  },
});
