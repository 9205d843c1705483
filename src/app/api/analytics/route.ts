// ANALYTICS-1..4: GET /api/analytics?preset=7d | ?from=YYYY-MM-DD&to=YYYY-MM-DD — every figure of
// the range in the shop's time zone. Owners and admins get the shop and every agent; agents get
// their own figures (the service decides from the member's role).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { readAnalytics } from "@/server/services/analytics/read-analytics";

export const GET = defineMemberRoute({
  action: "analytics:read_own",
  handler: async ({ member, request }) =>
    callService(readAnalytics, { actor: member, query: Object.fromEntries(new URL(request.url).searchParams) }),
});
