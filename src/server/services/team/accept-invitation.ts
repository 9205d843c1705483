// TEAM-2: the invited person joins. A new user sets a password; an existing user (invited to a
// second shop) proves who they are with their current password, or by being signed in already,
// and joins without a new one. The link is single-use: the claim is one conditional UPDATE, so
// two simultaneous submissions cannot both succeed.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { assertAcceptablePassword } from "@/server/auth/password-strength";
import { forgetInvitationLinks } from "@/server/services/mail/forget-invitation-links";
import { INVITATION_MESSAGES, findInvitationByToken, invitationProblem } from "@/server/services/team/describe-invitation";
import { matchesReviewWords } from "@/server/services/team/nickname-review";
import { parseInput } from "@/server/services/team/parse-input";
import { memberChanged } from "@/server/services/team/team-records";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { ZAcceptInvitationSchema, type TAcceptInvitation } from "@/shared/team";

export interface AcceptedInvitation {
  shopId: string;
  shopName: string;
  memberId: string;
  email: string;
  /** True when the person set a password now (a new account). */
  isNewAccount: boolean;
}

export async function acceptInvitation(
  db: Database,
  input: { token: string; sessionUserId?: string | null; now?: Date } & Partial<TAcceptInvitation>,
): Promise<ServiceResult<AcceptedInvitation>> {
  const now = input.now ?? new Date();
  const invitation = await findInvitationByToken(db, input.token);
  assertUsable(invitation, now);
  const fields = parseInput(ZAcceptInvitationSchema, { nickname: input.nickname, password: input.password, confirmPassword: input.confirmPassword });

  const settings = await db.shopSettings.findUnique({ where: { shopId: invitation.shopId } });
  if (matchesReviewWords(fields.nickname, settings?.reviewWords ?? [])) {
    const message = "This nickname needs the owner's approval. Choose another one to start; you can ask for this one later in your personal settings.";
    throw new AppError("BAD_INPUT", message, { nickname: [message] });
  }

  const user = await db.user.findUnique({ where: { email: invitation.email } });
  const hasAccount = Boolean(user && !user.deletedAt && user.passwordHash);
  let newPasswordHash: string | null = null;
  if (hasAccount) {
    const isSignedInAsInvitee = Boolean(input.sessionUserId && input.sessionUserId === user?.id);
    if (!isSignedInAsInvitee) {
      if (!fields.password) throw new AppError("BAD_INPUT", "Enter your current password.", { password: ["Enter the password of your Counterpart account"] });
      if (!(await verifyPassword(user?.passwordHash ?? null, fields.password))) {
        throw new AppError("BAD_INPUT", "The password is incorrect.", { password: ["The password is incorrect"] });
      }
    }
  } else {
    const password = fields.password ?? "";
    assertAcceptablePassword(password, { email: invitation.email, otherInputs: [fields.nickname] });
    newPasswordHash = await hashPassword(password);
  }

  const memberId = await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) {
      assertUsable(await tx.invitation.findUnique({ where: { id: invitation.id } }), now);
      throw new AppError("GONE", INVITATION_MESSAGES.used);
    }

    const userId = user
      ? (
          await tx.user.update({
            where: { id: user.id },
            // The link came by mail to this address, so it is proven (SHOP-3).
            data: newPasswordHash ? { passwordHash: newPasswordHash, deletedAt: null, emailVerifiedAt: user.emailVerifiedAt ?? now } : { emailVerifiedAt: user.emailVerifiedAt ?? now },
          })
        ).id
      : (
          await tx.user.create({
            data: { email: invitation.email, name: fields.nickname, passwordHash: newPasswordHash, defaultLanguage: invitation.defaultLanguage, emailVerifiedAt: now },
          })
        ).id;

    const memberData = {
      role: invitation.role,
      status: "active" as const,
      nickname: fields.nickname,
      pendingNickname: null,
      nicknameReview: "approved" as const,
      defaultLanguage: invitation.defaultLanguage,
      deletedAt: null,
    };
    const existing = await tx.member.findUnique({ where: { shopId_userId: { shopId: invitation.shopId, userId } } });
    if (existing && !existing.deletedAt) {
      throw new AppError("CONFLICT", "You are already a member of this shop. Sign in with your email and password.");
    }
    // A member deleted earlier is brought back on the same row, so their history stays theirs.
    const member = existing
      ? await tx.member.update({ where: { id: existing.id }, data: { ...memberData, sessionVersion: { increment: 1 } } })
      : await tx.member.create({ data: { shopId: invitation.shopId, userId, ...memberData } });
    return member.id;
  }).catch((error: unknown) => {
    if (error instanceof Error && "code" in error && (error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "This invitation was just accepted in another window. Sign in with your email and password.");
    }
    throw error;
  });

  // MAIL-1: the link is used up; the shop's outbox forgets it.
  await forgetInvitationLinks(db, { shopId: invitation.shopId, email: invitation.email });
  return serviceResult(
    { shopId: invitation.shopId, shopName: invitation.shop.name, memberId, email: invitation.email, isNewAccount: !hasAccount },
    [memberChanged(invitation.shopId, memberId, "activated")],
  );
}

function assertUsable<T extends Parameters<typeof invitationProblem>[0]>(invitation: T | null, now: Date): asserts invitation is NonNullable<T> {
  const problem = invitationProblem(invitation, now);
  if (problem === "invalid") throw new AppError("NOT_FOUND", INVITATION_MESSAGES.invalid);
  if (problem) throw new AppError("GONE", INVITATION_MESSAGES[problem]);
}
