// TEAM-2: the owner resends an invitation: a new link, the old one stops working.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { resendInvitation } from "@/server/services/team/resend-invitation";

export const POST = defineMemberRoute({
  action: "team:manage_invitations",
  handler: ({ member, params }) => resendInvitation(getDb(), { actor: member, invitationId: String(params.invitationId) }),
});
