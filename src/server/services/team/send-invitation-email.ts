// Sends (or saves) the activation email for a freshly issued token. Never throws: the
// invitation exists whatever happens to the email, and the owner can resend (TEAM-2).
import type { Invitation } from "@/generated/prisma/client";
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
  invitation: Pick<Invitation, "email" | "role" | "expiresAt">,
  context: { token: string; shopName: string; inviterNickname: string | null },
  deps: MailDependencies = {},
): Promise<MailDeliveryDto> {
  try {
    const mailer = deps.mailer ?? getMailer();
    const message = renderInvitationEmail({
      to: invitation.email,
      shopName: context.shopName,
      inviterNickname: context.inviterNickname,
      role: invitation.role,
      acceptUrl: acceptUrl(deps.baseUrl ?? publicBaseUrl(), context.token),
      expiresAt: invitation.expiresAt,
    });
    return await mailer.send(message);
  } catch (error) {
    console.error("invitation email failed:", error);
    return { status: "failed", message: `The email to ${invitation.email} could not be sent. Try again with Resend.` };
  }
}
