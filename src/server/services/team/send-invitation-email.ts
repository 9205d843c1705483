// Sends (or saves) the activation email for a freshly issued token. Never throws: the
// invitation exists whatever happens to the email, and the owner can resend (TEAM-2). The link
// is also handed back for the owner to copy (MAIL-1), and the outbox keeps it while the mail has
// not left the server (src/core/mail/outbox-policy.ts).
import type { Invitation } from "@/generated/prisma/client";
import { emailLocale } from "@/server/mail/email-translator";
import { renderInvitationEmail } from "@/server/mail/invitation-email";
import { getMailer, publicBaseUrl, type Mailer } from "@/server/mail/mailer";
import { acceptUrl } from "@/server/services/team/invitation-token";
import type { MailDeliveryDto } from "@/shared/team";

export interface MailDependencies {
  mailer?: Mailer;
  /** Base of the link in the email; PUBLIC_URL by default. */
  baseUrl?: string;
}

export async function sendInvitationEmail(
  invitation: Pick<Invitation, "email" | "role" | "expiresAt" | "shopId">,
  /** `shopLanguage`: the shop's language (SHOP-1), which the mail is written in (NF-5). */
  context: { token: string; shopName: string; inviterNickname: string | null; shopLanguage?: string | null },
  deps: MailDependencies = {},
): Promise<{ delivery: MailDeliveryDto; inviteUrl: string }> {
  const inviteUrl = acceptUrl(deps.baseUrl ?? publicBaseUrl(), context.token);
  try {
    const mailer = deps.mailer ?? getMailer();
    const message = renderInvitationEmail({
      to: invitation.email,
      shopName: context.shopName,
      inviterNickname: context.inviterNickname,
      role: invitation.role,
      acceptUrl: inviteUrl,
      expiresAt: invitation.expiresAt,
      locale: emailLocale(context.shopLanguage),
    });
    const delivery = await mailer.send({ ...message, shopId: invitation.shopId, kind: "invitation", secretLinks: [inviteUrl], secretsExpireAt: invitation.expiresAt });
    return { delivery, inviteUrl };
  } catch (error) {
    console.error("invitation email failed:", error);
    return { delivery: { status: "failed", message: `The email to ${invitation.email} could not be sent. Try again with Resend.` }, inviteUrl };
  }
}
