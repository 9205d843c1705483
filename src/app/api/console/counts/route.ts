// CONSOLE-2: GET /api/console/counts?category= — the live status counts of every list the member
// has, and `nextChangeAt`, when time alone will change them next.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { countStatuses, CountsQuerySchema, parseSearchParams } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, CountsQuerySchema);
    return countStatuses(getDb(), { member, category: query.category });
  },
});
