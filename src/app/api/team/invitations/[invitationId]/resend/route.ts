// TEAM-2: the owner resends an invitation: a new link, the old one stops working.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { resendInvitation } from "@/server/services/team/resend-invitation";

export const POST = defineMemberRoute({
  action: "team:manage_invitations",
  handler: ({ member, params }) => callService(resendInvitation, { actor: member, invitationId: String(params.invitationId) }),
});
