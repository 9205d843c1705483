// TEAM-2: invited users (not yet joined) are listed apart from added ones; expired invitations
// stay listed, marked expired, until resent or revoked.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { toInvitationDto } from "@/server/services/team/team-records";
import type { InvitationDto } from "@/shared/team";

export async function listInvitations(db: Database, input: { actor: MemberContext; now?: Date }): Promise<InvitationDto[]> {
  assertCan(input.actor, "team:manage_invitations");
  const now = input.now ?? new Date();
  const invitations = await db.invitation.findMany({
    where: { shopId: input.actor.shopId, acceptedAt: null, revokedAt: null },
    include: { invitedBy: { select: { nickname: true } } },
    orderBy: { createdAt: "desc" },
  });
  return invitations.map((invitation) => toInvitationDto(invitation, now));
}
