// TEAM-3: the owner deactivates a member (access ends at once) or activates them again.
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { activateMember } from "@/server/services/team/activate-member";
import { deactivateMember } from "@/server/services/team/deactivate-member";
import { ZMemberStatusSchema } from "@/shared/team";

export const PUT = defineMemberRoute({
  action: "team:deactivate",
  body: ZMemberStatusSchema,
  handler: ({ member, body, params }) => {
    const input = { actor: member, memberId: String(params.memberId) };
    return body.status === "active" ? performService(activateMember, input) : performService(deactivateMember, input);
  },
});
