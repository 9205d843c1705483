// TEAM-2: invited users (owner) and new invitations (owner).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { inviteMember } from "@/server/services/team/invite-member";
import { listInvitations } from "@/server/services/team/list-invitations";
import { ZInviteMemberSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "team:manage_invitations",
  handler: async ({ member }) => ({ invitations: await callService(listInvitations, { actor: member }) }),
});

export const POST = defineMemberRoute({
  action: "team:invite",
  body: ZInviteMemberSchema,
  handler: ({ member, body }) => callService(inviteMember, { actor: member, ...body }),
});
