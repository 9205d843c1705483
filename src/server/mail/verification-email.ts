// SHOP-3: the "verify your email address" mail sent after sign-up (and on "Resend"), in the
// person's language (NF-5: their member language in the shop, else the shop's;
// messages/<locale>/email.json).
import type { Locale } from "@/core/i18n/locale";
import { emailTranslator } from "@/server/mail/email-translator";
import type { MailMessage } from "@/server/mail/mailer";
import { escapeHtml } from "@/server/mail/invitation-email";
import { EMAIL_VERIFICATION_TTL_HOURS } from "@/core/shop/onboarding";

export function renderVerificationEmail(input: { to: string; name: string; shopName: string; verifyUrl: string; shopId: string; expiresAt: Date; locale?: Locale }): MailMessage {
  const locale = input.locale ?? "en";
  const t = emailTranslator(locale);
  const expiry = t("verification.expires", { hours: EMAIL_VERIFICATION_TTL_HOURS });
  const text = [
    t("verification.greeting", { name: input.name }),
    "",
    t("verification.openLink", { email: input.to, shop: input.shopName }),
    input.verifyUrl,
    "",
    expiry,
    t("verification.untilConfirmed"),
    t("verification.ignore"),
  ].join("\n");
  const confirmHtml = t.markup("verification.confirmHtml", { email: escapeHtml(input.to), shop: escapeHtml(input.shopName), strong: (chunks) => `<strong>${chunks}</strong>` });
  const html = `<!doctype html>
<html${locale === "en" ? "" : ` lang="${locale}"`}><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(t("verification.greeting", { name: input.name }))}</p>
<p>${confirmHtml}</p>
<p><a href="${escapeHtml(input.verifyUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">${escapeHtml(t("verification.button"))}</a></p>
<p style="font-size: 13px; color: #475569">${escapeHtml(t("shared.pasteLink", { url: input.verifyUrl }))}</p>
<p style="font-size: 13px; color: #475569">${escapeHtml(expiry)} ${escapeHtml(t("verification.ignore"))}</p>
</body></html>`;
  // Without SMTP the owner finds the link in the shop's outbox; admins see that it went out only.
  return {
    to: input.to,
    subject: t("verification.subject"),
    text,
    html,
    shopId: input.shopId,
    kind: "email_verification",
    secretLinks: [input.verifyUrl],
    secretsExpireAt: input.expiresAt,
  };
}
