// TEAM-2: the owner revokes an invitation.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { revokeInvitation } from "@/server/services/team/revoke-invitation";

export const DELETE = defineMemberRoute({
  action: "team:manage_invitations",
  handler: ({ member, params }) => callService(revokeInvitation, { actor: member, invitationId: String(params.invitationId) }),
});
