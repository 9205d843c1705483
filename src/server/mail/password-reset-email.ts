// ACCOUNT-1: the password-reset email, in the person's language (NF-5: their member language,
// else their shop's; messages/<locale>/email.json). It belongs to no shop (shopId null), so no
// shop's outbox lists it, and its link is a secret the outbox never stores (outbox-policy.ts).
import type { Locale } from "@/core/i18n/locale";
import { emailTranslator, formatEmailDate } from "@/server/mail/email-translator";
import { escapeHtml } from "@/server/mail/invitation-email";
import type { MailMessage } from "@/server/mail/mailer";
import { PASSWORD_RESET_VALID_MINUTES } from "@/shared/password-reset";

export function renderPasswordResetEmail(input: { to: string; resetUrl: string; expiresAt: Date; locale?: Locale }): MailMessage {
  const locale = input.locale ?? "en";
  const t = emailTranslator(locale);
  const expiry = t("passwordReset.expires", { expires: formatEmailDate(input.expiresAt, locale), minutes: PASSWORD_RESET_VALID_MINUTES });
  const text = [
    t("passwordReset.intro"),
    "",
    t("passwordReset.openLink"),
    input.resetUrl,
    "",
    expiry,
    t("passwordReset.signsOut"),
    t("passwordReset.ignore"),
  ].join("\n");
  const html = `<!doctype html>
<html${locale === "en" ? "" : ` lang="${locale}"`}><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(t("passwordReset.intro"))}</p>
<p><a href="${escapeHtml(input.resetUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">${escapeHtml(t("passwordReset.button"))}</a></p>
<p style="font-size: 13px; color: #475569">${escapeHtml(t("shared.pasteLink", { url: input.resetUrl }))}</p>
<p style="font-size: 13px; color: #475569">${escapeHtml(expiry)} ${escapeHtml(t("passwordReset.signsOut"))} ${escapeHtml(t("passwordReset.ignoreShort"))}</p>
</body></html>`;
  return {
    to: input.to,
    subject: t("passwordReset.subject"),
    text,
    html,
    shopId: null,
    kind: "password_reset",
    secretLinks: [input.resetUrl],
    secretsExpireAt: input.expiresAt,
  };
}
