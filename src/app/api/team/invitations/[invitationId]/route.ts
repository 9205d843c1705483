// TEAM-2: the owner revokes an invitation.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { revokeInvitation } from "@/server/services/team/revoke-invitation";

export const DELETE = defineMemberRoute({
  action: "team:manage_invitations",
  handler: ({ member, params }) => revokeInvitation(getDb(), { actor: member, invitationId: String(params.invitationId) }),
});
