// CHAT-6, ASSIGN-5: GET /api/console/members — the shop's active members for the transfer and
// "assign to" dialogs, with load, accept switch and presence (list-assignable-members.ts).
// `?q=` narrows by nickname.
import { z } from "zod";
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { parseQuery } from "@/server/services/integration/parse-request";
import { listAssignableMembers } from "@/server/services/team/list-assignable-members";

const ZQuery = z.object({ q: z.string().trim().max(60).optional() });

export const GET = defineMemberRoute({
  action: "session:transfer",
  handler: ({ member, request }) => callService(listAssignableMembers, { member, q: parseQuery(request, ZQuery).q }),
});
