// CONSOLE-2: GET /api/console/counts?category= — the live status counts of every list the member
// has, and `nextChangeAt`, when time alone will change them next.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { countStatuses, CountsQuerySchema, parseSearchParams } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, CountsQuerySchema);
    return callService(countStatuses, { member, category: query.category });
  },
});
