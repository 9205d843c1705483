// ACCOUNT-2: "Change password" in personal settings. The current password is required (a
// borrowed, unlocked screen is not enough) and wrong guesses count towards the sign-in throttle
// of the account, so this form is no way around it. The new password passes the strength rules;
// every other sign-in session of the user ends, this one stays.
import { AppError } from "@/core/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { assertAcceptablePassword } from "@/server/auth/password-strength";
import type { SignInThrottle } from "@/server/auth/sign-in-throttle";
import type { Database } from "@/server/db/client";
import { RateLimitedError } from "@/server/http/error-response";
import type { MemberContext } from "@/server/services/resolve-member";
import { revokeUserSignInSessions } from "@/server/services/sign-in-sessions";
import { parseInput } from "@/server/services/team/parse-input";
import { ZChangePassword } from "@/shared/password-reset";

export async function changePassword(
  db: Database,
  input: { actor: MemberContext; currentPassword: unknown; newPassword: unknown; confirmPassword: unknown; address?: string; throttle?: SignInThrottle; now?: Date },
): Promise<{ revokedSessions: number }> {
  const { actor, throttle } = input;
  const fields = parseInput(ZChangePassword, { currentPassword: input.currentPassword, newPassword: input.newPassword, confirmPassword: input.confirmPassword });
  const keys = { account: actor.email, address: input.address ?? "unknown" };
  const waitMs = (await throttle?.waitBeforeAttempt(keys)) ?? 0;
  if (waitMs > 0) throw new RateLimitedError(`Too many wrong passwords. Try again in ${Math.max(1, Math.ceil(waitMs / 60_000))} minutes.`, waitMs);

  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, email: true, name: true } });
  if (!user || !(await verifyPassword(user.passwordHash, fields.currentPassword))) {
    await throttle?.recordFailure(keys);
    throw new AppError("BAD_INPUT", "Your current password is not right.", { currentPassword: ["This is not your current password"] });
  }
  await throttle?.recordSuccess(keys);
  if (fields.newPassword === fields.currentPassword) {
    throw new AppError("BAD_INPUT", "Choose a password you do not use now.", { newPassword: ["This is your current password"] });
  }
  try {
    assertAcceptablePassword(fields.newPassword, { email: user.email, otherInputs: [user.name, actor.nickname] });
  } catch (error) {
    // The form's field is newPassword; the rules name it password.
    if (error instanceof AppError && error.fieldErrors?.password) throw new AppError("BAD_INPUT", error.message, { newPassword: error.fieldErrors.password });
    throw error;
  }
  await db.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(fields.newPassword) } });
  const revokedSessions = await revokeUserSignInSessions(db, {
    userId: actor.userId,
    exceptSessionId: actor.sessionId,
    message: "Your password was changed on another device. Sign in with the new password.",
    now: input.now,
  });
  return { revokedSessions };
}
