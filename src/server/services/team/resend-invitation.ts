// TEAM-2: resend issues a new token and a new 120 h window. The stored hash is replaced, so the
// link in the earlier email stops working at once (and leaves the outbox, MAIL-1).
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import { assertMayInvite } from "@/server/services/onboarding/email-verification";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { forgetInvitationLinks } from "@/server/services/mail/forget-invitation-links";
import { createInvitationToken, invitationExpiry } from "@/server/services/team/invitation-token";
import { sendInvitationEmail, type MailDependencies } from "@/server/services/team/send-invitation-email";
import { assertId, toInvitationDto } from "@/server/services/team/team-records";
import type { InvitationResultDto } from "@/shared/team";

export async function resendInvitation(
  db: Database,
  input: { actor: MemberContext; invitationId: string; now?: Date },
  deps: MailDependencies = {},
): Promise<InvitationResultDto> {
  assertCan(input.actor, "team:manage_invitations");
  await assertMayInvite(db, input.actor);
  assertId(input.invitationId, "invitation");
  const now = input.now ?? new Date();
  const { token, tokenHash } = createInvitationToken();
  const claimed = await db.invitation.updateMany({
    where: { id: input.invitationId, shopId: input.actor.shopId, acceptedAt: null, revokedAt: null },
    data: { tokenHash, expiresAt: invitationExpiry(now) },
  });
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, shopId: input.actor.shopId },
    include: { invitedBy: { select: { nickname: true } } },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "That invitation does not exist.");
  if (claimed.count === 0) {
    throw new AppError("CONFLICT", invitation.acceptedAt ? "This invitation has already been accepted." : "This invitation was revoked. Invite the person again.");
  }
  // The earlier link stopped working: the outbox forgets it before the new mail is recorded.
  await forgetInvitationLinks(db, { shopId: invitation.shopId, email: invitation.email });
  const { delivery, inviteUrl } = await sendInvitationEmail(invitation, { token, shopName: input.actor.shopName, inviterNickname: input.actor.nickname, shopLanguage: input.actor.shopDefaultLanguage }, deps);
  return { invitation: toInvitationDto(invitation, now), delivery, inviteUrl };
}
