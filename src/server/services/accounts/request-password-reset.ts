// ACCOUNT-1: "Forgot password?". Always the same answer, whether or not an account uses the
// email, so the form tells nobody who has an account. For a live account a new single-use link
// (30 minutes, only its hash stored) replaces any earlier one and is mailed; without SMTP_URL
// the mail goes to the server log, and the outbox keeps it with the link removed (MAIL-1).
// Throttled per email typed and per client address (password-reset-throttle.ts).
import type { PasswordResetThrottle } from "@/server/auth/password-reset-throttle";
import type { Database } from "@/server/db/client";
import { RateLimitedError } from "@/server/http/error-response";
import { emailLocale } from "@/server/mail/email-translator";
import { getMailer, publicBaseUrl, type Mailer } from "@/server/mail/mailer";
import { renderPasswordResetEmail } from "@/server/mail/password-reset-email";
import { createPasswordResetToken, passwordResetExpiry, passwordResetUrl } from "@/server/services/accounts/password-reset-token";
import { parseInput } from "@/server/services/team/parse-input";
import { PASSWORD_RESET_REQUESTED, ZRequestPasswordReset } from "@/shared/password-reset";

export interface PasswordResetDependencies {
  throttle?: PasswordResetThrottle;
  mailer?: Mailer;
  baseUrl?: string;
  /**
   * The route does not wait for the mail: an answer that took longer when the account exists
   * would tell what the words do not. Tests wait, to read what was sent.
   */
  awaitDelivery?: boolean;
}

export async function requestPasswordReset(
  db: Database,
  input: { email: unknown; address: string; now?: Date } & PasswordResetDependencies,
): Promise<{ message: string }> {
  const deps = input;
  const { email } = parseInput(ZRequestPasswordReset, { email: input.email });
  const waitMs = (await deps.throttle?.consume({ email, address: input.address })) ?? 0;
  if (waitMs > 0) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new RateLimitedError(`Too many password-reset requests. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`, waitMs);
  }
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, deletedAt: true, defaultLanguage: true } });
  if (!user || user.deletedAt) return { message: PASSWORD_RESET_REQUESTED };

  const { token, tokenHash } = createPasswordResetToken();
  const expiresAt = passwordResetExpiry(now);
  await db.$transaction([
    // Only the newest link works: an earlier one in someone's inbox is dead at once.
    db.passwordResetToken.deleteMany({ where: { userId: user.id } }),
    db.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt, createdAt: now } }),
  ]);
  // NF-5: in the person's language: their member language (their first shop's membership, as the
  // mail belongs to no shop), else that shop's, else the account's own.
  const member = await db.member.findFirst({
    where: { userId: user.id, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { defaultLanguage: true, shop: { select: { defaultLanguage: true } } },
  });
  const locale = emailLocale(member?.defaultLanguage, member?.shop.defaultLanguage, user.defaultLanguage);
  const message = renderPasswordResetEmail({ to: user.email, resetUrl: passwordResetUrl(deps.baseUrl ?? publicBaseUrl(), token), expiresAt, locale });
  const delivery = (deps.mailer ?? getMailer()).send(message).catch((error: unknown) => {
    console.error("password-reset email failed:", error);
  });
  if (deps.awaitDelivery ?? true) await delivery;
  return { message: PASSWORD_RESET_REQUESTED };
}
