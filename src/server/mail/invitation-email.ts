// TEAM-2: the activation email. Shop names and nicknames are the shop's own text, so the HTML
// part escapes everything it interpolates.
import type { MailMessage } from "@/server/mail/mailer";
import { ROLE_LABELS, type MemberRoleName } from "@/shared/team";

export function renderInvitationEmail(input: {
  to: string;
  shopName: string;
  inviterNickname: string | null;
  role: MemberRoleName;
  acceptUrl: string;
  expiresAt: Date;
}): MailMessage {
  const role = ROLE_LABELS[input.role].toLowerCase();
  const inviter = input.inviterNickname ? `${input.inviterNickname} invited you` : "You have been invited";
  const expires = input.expiresAt.toUTCString();
  const text = [
    `${inviter} to join ${input.shopName} on Counterpart as ${withArticle(role)}.`,
    "",
    "Open this link to set your password and join the team:",
    input.acceptUrl,
    "",
    `The link works once and expires on ${expires} (120 hours after it was sent).`,
    "If you did not expect this email, you can ignore it.",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(inviter)} to join <strong>${escapeHtml(input.shopName)}</strong> on Counterpart as ${escapeHtml(withArticle(role))}.</p>
<p><a href="${escapeHtml(input.acceptUrl)}" style="display: inline-block; background: #1d4ed8; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">Set your password and join</a></p>
<p style="font-size: 13px; color: #475569">Or paste this link into your browser: ${escapeHtml(input.acceptUrl)}</p>
<p style="font-size: 13px; color: #475569">The link works once and expires on ${escapeHtml(expires)} (120 hours after it was sent). If you did not expect this email, you can ignore it.</p>
</body></html>`;
  return { to: input.to, subject: `Join ${input.shopName} on Counterpart`, text, html };
}

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}
