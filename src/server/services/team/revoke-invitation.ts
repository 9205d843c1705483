// TEAM-2: a revoked invitation's link says so; the person cannot join with it, and the outbox
// no longer shows it (MAIL-1).
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { forgetInvitationLinks } from "@/server/services/mail/forget-invitation-links";
import { assertId } from "@/server/services/team/team-records";

export async function revokeInvitation(db: Database, input: { actor: MemberContext; invitationId: string; now?: Date }): Promise<{ id: string }> {
  assertCan(input.actor, "team:manage_invitations");
  assertId(input.invitationId, "invitation");
  const revoked = await db.invitation.updateMany({
    where: { id: input.invitationId, shopId: input.actor.shopId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, shopId: input.actor.shopId } });
  if (!invitation) throw new AppError("NOT_FOUND", "That invitation does not exist.");
  if (revoked.count === 1) {
    // MAIL-1: the link is dead; the outbox forgets it.
    await forgetInvitationLinks(db, { shopId: invitation.shopId, email: invitation.email });
    return { id: input.invitationId };
  }
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been accepted: manage the member in the team table.");
  return { id: invitation.id }; // Already revoked: revoking again changes nothing.
}
