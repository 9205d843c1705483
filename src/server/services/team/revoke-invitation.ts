// TEAM-2: a revoked invitation's link says so; the person cannot join with it.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { assertId } from "@/server/services/team/team-records";

export async function revokeInvitation(db: Database, input: { actor: MemberContext; invitationId: string; now?: Date }): Promise<{ id: string }> {
  assertCan(input.actor, "team:manage_invitations");
  assertId(input.invitationId, "invitation");
  const revoked = await db.invitation.updateMany({
    where: { id: input.invitationId, shopId: input.actor.shopId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  if (revoked.count === 1) return { id: input.invitationId };
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, shopId: input.actor.shopId } });
  if (!invitation) throw new AppError("NOT_FOUND", "That invitation does not exist.");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been accepted: manage the member in the team table.");
  return { id: invitation.id }; // Already revoked: revoking again changes nothing.
}
