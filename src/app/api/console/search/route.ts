// CONSOLE-4: GET /api/console/search?q= — chats the member may see, by message keyword, buyer
// nickname or order id, with the match as highlight segments.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { parseSearchParams, searchChats, SearchQuerySchema } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:search",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, SearchQuerySchema);
    return searchChats(getDb(), { member, q: query.q });
  },
});
