// TEAM-2: invited users (owner) and new invitations (owner).
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { inviteMember } from "@/server/services/team/invite-member";
import { listInvitations } from "@/server/services/team/list-invitations";
import { ZInviteMemberSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "team:manage_invitations",
  handler: async ({ member }) => ({ invitations: await listInvitations(getDb(), { actor: member }) }),
});

export const POST = defineMemberRoute({
  action: "team:invite",
  body: ZInviteMemberSchema,
  handler: ({ member, body }) => inviteMember(getDb(), { actor: member, ...body }),
});
