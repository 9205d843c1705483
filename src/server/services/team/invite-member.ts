// TEAM-2: the owner adds a user with a role, an email and a default language. The invitation is
// written first; the activation email follows, and its failure is reported, not fatal.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { assertMayInvite } from "@/server/services/onboarding/email-verification";
import type { MemberContext } from "@/server/services/resolve-member";
import { createInvitationToken, invitationExpiry } from "@/server/services/team/invitation-token";
import { parseInput } from "@/server/services/team/parse-input";
import { sendInvitationEmail, type MailDependencies } from "@/server/services/team/send-invitation-email";
import { toInvitationDto } from "@/server/services/team/team-records";
import { ZInviteMemberSchema, type InvitationResultDto, type TInviteMember } from "@/shared/team";

export async function inviteMember(
  db: Database,
  input: { actor: MemberContext; now?: Date } & TInviteMember,
  deps: MailDependencies = {},
): Promise<InvitationResultDto> {
  assertCan(input.actor, "team:invite");
  await assertMayInvite(db, input.actor);
  const { email, role, defaultLanguage } = parseInput(ZInviteMemberSchema, { email: input.email, role: input.role, defaultLanguage: input.defaultLanguage });
  const now = input.now ?? new Date();
  const { actor } = input;
  const { token, tokenHash } = createInvitationToken();

  const invitation = await db.$transaction(async (tx) => {
    // One invitation at a time per shop and email, even when two owners' tabs click at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite:${actor.shopId}:${email}`}))`;
    const existing = await tx.member.findFirst({ where: { shopId: actor.shopId, deletedAt: null, user: { email } } });
    if (existing) {
      const message = existing.status === "deactivated"
        ? `${email} is a deactivated member of this shop: activate them in the team table instead.`
        : `${email} is already a member of this shop.`;
      throw new AppError("CONFLICT", message, { email: [message] });
    }
    const pending = await tx.invitation.findMany({ where: { shopId: actor.shopId, email, acceptedAt: null, revokedAt: null } });
    if (pending.some((row) => row.expiresAt > now)) {
      const message = `${email} has already been invited. Use Resend in the invited list to send a new link.`;
      throw new AppError("CONFLICT", message, { email: [message] });
    }
    // Expired invitations for the same address are superseded, so the invited list shows one.
    if (pending.length > 0) {
      await tx.invitation.updateMany({ where: { id: { in: pending.map((row) => row.id) } }, data: { revokedAt: now } });
    }
    return tx.invitation.create({
      data: { shopId: actor.shopId, email, role, defaultLanguage, tokenHash, expiresAt: invitationExpiry(now), invitedById: actor.memberId, createdAt: now },
      include: { invitedBy: { select: { nickname: true } } },
    });
  });

  const { delivery, inviteUrl } = await sendInvitationEmail(invitation, { token, shopName: actor.shopName, inviterNickname: actor.nickname, shopLanguage: actor.shopDefaultLanguage }, deps);
  return { invitation: toInvitationDto(invitation, now), delivery, inviteUrl };
}
