// CONSOLE-1, 2, 3, 5: GET /api/console/lists?list=assigned|unassigned|all|history&status=&category=&sort=&cursor=&limit=
// One page of a chat list; `nextCursor` fetches the next. All open needs chat access management.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { listChats, ListQuerySchema, parseSearchParams } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, ListQuerySchema);
    return listChats(getDb(), { member, ...query });
  },
});
