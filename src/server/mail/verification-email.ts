// SHOP-3: the "verify your email address" mail sent after sign-up (and on "Resend").
import type { MailMessage } from "@/server/mail/mailer";
import { escapeHtml } from "@/server/mail/invitation-email";
import { EMAIL_VERIFICATION_TTL_HOURS } from "@/core/shop/onboarding";

export function renderVerificationEmail(input: { to: string; name: string; shopName: string; verifyUrl: string; shopId: string; expiresAt: Date }): MailMessage {
  const text = [
    `Hi ${input.name},`,
    "",
    `Open this link to confirm that ${input.to} is your address for ${input.shopName} on Counterpart:`,
    input.verifyUrl,
    "",
    `The link works once and expires ${EMAIL_VERIFICATION_TTL_HOURS} hours after it was sent.`,
    "Until you confirm, you can set up the chat and answer buyers, but not invite other members.",
    "If you did not sign up, you can ignore this email.",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>Hi ${escapeHtml(input.name)},</p>
<p>Confirm that ${escapeHtml(input.to)} is your address for <strong>${escapeHtml(input.shopName)}</strong> on Counterpart.</p>
<p><a href="${escapeHtml(input.verifyUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">Verify my email address</a></p>
<p style="font-size: 13px; color: #475569">Or paste this link into your browser: ${escapeHtml(input.verifyUrl)}</p>
<p style="font-size: 13px; color: #475569">The link works once and expires ${EMAIL_VERIFICATION_TTL_HOURS} hours after it was sent. If you did not sign up, you can ignore this email.</p>
</body></html>`;
  // Without SMTP the owner finds the link in the shop's outbox; admins see that it went out only.
  return {
    to: input.to,
    subject: "Verify your email address for Counterpart",
    text,
    html,
    shopId: input.shopId,
    kind: "email_verification",
    secretLinks: [input.verifyUrl],
    secretsExpireAt: input.expiresAt,
  };
}
