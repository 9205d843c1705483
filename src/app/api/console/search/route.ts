// CONSOLE-4: GET /api/console/search?q= — chats the member may see, by message keyword, buyer
// nickname or order id, with the match as highlight segments.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { parseSearchParams, searchChats, SearchQuerySchema } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:search",
  handler: async ({ member, request }) => {
    const query = parseSearchParams(request.url, SearchQuerySchema);
    return callService(searchChats, { member, q: query.q });
  },
});
