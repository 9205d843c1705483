// ACCOUNT-1: setting a new password from a reset link. The link works once (the token row is
// claimed in the same transaction that changes the password, so two tabs cannot both use it),
// for 30 minutes, and only its hash is stored. The new password passes the same strength rules
// as every password; then every sign-in session of the user ends, on every device.
import { AppError } from "@/core/errors";
import { hashPassword } from "@/server/auth/password";
import { assertAcceptablePassword } from "@/server/auth/password-strength";
import type { Database } from "@/server/db/client";
import { hashPasswordResetToken, isWellFormedResetToken } from "@/server/services/accounts/password-reset-token";
import { revokeUserSignInSessions } from "@/server/services/sign-in-sessions";
import { parseInput } from "@/server/services/team/parse-input";
import { ZResetPassword } from "@/shared/password-reset";

export const RESET_LINK_INVALID = "This link to set a new password does not work: it was used already, it expired (links work for 30 minutes), or a newer one was sent. Ask for a new link.";

async function findUsableResetToken(db: Database, token: string, now: Date) {
  if (!isWellFormedResetToken(token)) return null;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashPasswordResetToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.deletedAt) return null;
  return row;
}

/** Whether a reset link still works, for its page to say so before the person types. */
export async function describePasswordResetLink(db: Database, input: { token: string; now?: Date }): Promise<{ isValid: boolean; email: string | null }> {
  const row = await findUsableResetToken(db, input.token, input.now ?? new Date());
  return { isValid: Boolean(row), email: row?.user.email ?? null };
}

export async function resetPassword(
  db: Database,
  input: { token: string; password: unknown; confirmPassword: unknown; now?: Date },
): Promise<{ email: string; revokedSessions: number }> {
  const now = input.now ?? new Date();
  const fields = parseInput(ZResetPassword, { password: input.password, confirmPassword: input.confirmPassword });
  const row = await findUsableResetToken(db, input.token, now);
  if (!row) throw new AppError("GONE", RESET_LINK_INVALID);
  // Checked before the link is used up, so a weak password can be corrected with the same link.
  assertAcceptablePassword(fields.password, { email: row.user.email, otherInputs: [row.user.name] });
  const passwordHash = await hashPassword(fields.password);

  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("GONE", RESET_LINK_INVALID);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.passwordResetToken.deleteMany({ where: { userId: row.userId, id: { not: row.id } } });
  });
  const revokedSessions = await revokeUserSignInSessions(db, { userId: row.userId, message: "Your password was changed. Sign in with the new password.", now });
  return { email: row.user.email, revokedSessions };
}

/** The prune job: reset rows that can no longer be used (expired or used a day ago). */
export async function deleteStaleResetTokens(db: Database, input: { now?: Date } = {}): Promise<number> {
  const now = input.now ?? new Date();
  const { count } = await db.passwordResetToken.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { lte: new Date(now.getTime() - 24 * 3_600_000) } }] },
  });
  return count;
}
