// ACCOUNT-1: the password-reset email. It belongs to no shop (shopId null), so no shop's outbox
// lists it, and its link is a secret the outbox never stores (outbox-policy.ts).
import { escapeHtml } from "@/server/mail/invitation-email";
import type { MailMessage } from "@/server/mail/mailer";
import { PASSWORD_RESET_VALID_MINUTES } from "@/shared/password-reset";

export function renderPasswordResetEmail(input: { to: string; resetUrl: string; expiresAt: Date }): MailMessage {
  const expires = input.expiresAt.toUTCString();
  const text = [
    "Someone asked to set a new password for your Counterpart account.",
    "",
    "Open this link to choose a new password:",
    input.resetUrl,
    "",
    `The link works once and expires on ${expires} (${PASSWORD_RESET_VALID_MINUTES} minutes after it was sent).`,
    "Setting a new password signs you out everywhere.",
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>Someone asked to set a new password for your Counterpart account.</p>
<p><a href="${escapeHtml(input.resetUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">Choose a new password</a></p>
<p style="font-size: 13px; color: #475569">Or paste this link into your browser: ${escapeHtml(input.resetUrl)}</p>
<p style="font-size: 13px; color: #475569">The link works once and expires on ${escapeHtml(expires)} (${PASSWORD_RESET_VALID_MINUTES} minutes after it was sent). Setting a new password signs you out everywhere. If you did not ask for this, ignore this email.</p>
</body></html>`;
  return {
    to: input.to,
    subject: "Set a new password for Counterpart",
    text,
    html,
    shopId: null,
    kind: "password_reset",
    secretLinks: [input.resetUrl],
    secretsExpireAt: input.expiresAt,
  };
}
