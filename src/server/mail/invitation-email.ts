// TEAM-2: the activation email, in the language of the shop the person is invited to (NF-5,
// messages/<locale>/email.json). Shop names and nicknames are the shop's own text, so the HTML
// part escapes everything it interpolates.
import type { Locale } from "@/core/i18n/locale";
import { emailTranslator, formatEmailDate } from "@/server/mail/email-translator";
import type { MailMessage } from "@/server/mail/mailer";
import type { MemberRoleName } from "@/shared/team";

/** An invitation link works this long (the text says so). */
const INVITATION_VALID_HOURS = 120;

export function renderInvitationEmail(input: {
  to: string;
  shopName: string;
  inviterNickname: string | null;
  role: MemberRoleName;
  acceptUrl: string;
  expiresAt: Date;
  /** The invitee's shop's language; English by default. */
  locale?: Locale;
}): MailMessage {
  const locale = input.locale ?? "en";
  const t = emailTranslator(locale);
  const role = t("invitation.role", { role: input.role });
  const expires = formatEmailDate(input.expiresAt, locale);
  const intro = input.inviterNickname
    ? t("invitation.invitedBy", { inviter: input.inviterNickname, shop: input.shopName, role })
    : t("invitation.invited", { shop: input.shopName, role });
  const introHtml = t.markup(input.inviterNickname ? "invitation.invitedByHtml" : "invitation.invitedHtml", {
    inviter: escapeHtml(input.inviterNickname ?? ""),
    shop: escapeHtml(input.shopName),
    role: escapeHtml(role),
    strong: (chunks) => `<strong>${chunks}</strong>`,
  });
  const expiry = t("invitation.expires", { expires, hours: INVITATION_VALID_HOURS });
  const text = [
    intro,
    "",
    t("invitation.openLink"),
    input.acceptUrl,
    "",
    expiry,
    t("invitation.ignore"),
  ].join("\n");
  const html = `<!doctype html>
<html${locale === "en" ? "" : ` lang="${locale}"`}><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${introHtml}</p>
<p><a href="${escapeHtml(input.acceptUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">${escapeHtml(t("invitation.button"))}</a></p>
<p style="font-size: 13px; color: #475569">${escapeHtml(t("shared.pasteLink", { url: input.acceptUrl }))}</p>
<p style="font-size: 13px; color: #475569">${escapeHtml(t("invitation.expires", { expires, hours: INVITATION_VALID_HOURS }))} ${escapeHtml(t("invitation.ignore"))}</p>
</body></html>`;
  return { to: input.to, subject: t("invitation.subject", { shop: input.shopName }), text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}
