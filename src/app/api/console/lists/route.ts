// CONSOLE-1, 2, 3, 5: GET /api/console/lists?list=assigned|unassigned|all|history&status=&category=&sort=&cursor=&limit=
// One page of a chat list; `nextCursor` fetches the next. All open needs chat access management.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { listChats, ListQuerySchema, parseSearchParams } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, ListQuerySchema);
    return callService(listChats, { member, ...query });
  },
});
