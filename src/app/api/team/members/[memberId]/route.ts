// TEAM-4: nickname, max capacity and accept switch of a member (owner, admin).
// TEAM-3: delete a member (owner).
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { deleteMember } from "@/server/services/team/delete-member";
import { updateTeamMember } from "@/server/services/team/update-team-member";
import { ZUpdateTeamMemberSchema } from "@/shared/team";

export const PATCH = defineMemberRoute({
  action: "team:update_member",
  body: ZUpdateTeamMemberSchema,
  handler: ({ member, body, params }) => performService(updateTeamMember, { actor: member, memberId: String(params.memberId), changes: body }),
});

export const DELETE = defineMemberRoute({
  action: "team:delete",
  handler: ({ member, params }) => performService(deleteMember, { actor: member, memberId: String(params.memberId) }),
});
