// What happened to an activation email: sent, saved (no mail server), or failed (the
// invitation exists anyway; Resend tries again). The link is always offered to copy (MAIL-1):
// without a mail server it is the only way it reaches the person.
import type { MailDeliveryDto } from "@/shared/team";
import { CopyLink } from "./copy-link";
import { Notice } from "./ui";

export function DeliveryNotice(props: { email: string; delivery: MailDeliveryDto; inviteUrl?: string; isResend?: boolean }) {
  const { delivery, inviteUrl } = props;
  const link = inviteUrl ? <CopyLink url={inviteUrl} label="Invitation link" /> : null;
  if (delivery.status === "sent") {
    return (
      <div className="space-y-1">
        <Notice tone="success" testId="delivery-notice">
          {props.isResend ? `Invitation sent again to ${props.email}. The earlier link no longer works.` : `Invitation sent to ${props.email}.`}
        </Notice>
        {link && (
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">Copy the link instead</summary>
            {link}
          </details>
        )}
      </div>
    );
  }
  if (delivery.status === "saved") {
    return (
      <div className="space-y-1">
        <Notice tone="info" testId="delivery-notice">
          {props.isResend ? `New invitation link for ${props.email}.` : `Invitation created for ${props.email}.`} {delivery.message}{" "}
          {delivery.outboxUrl && <a className="font-medium underline" href={delivery.outboxUrl}>Open the outbox</a>}
        </Notice>
        {link}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <Notice tone="error" testId="delivery-notice">
        {props.isResend ? `A new link was made for ${props.email}, but the email could not be sent.` : `Invitation created for ${props.email}, but the email could not be sent.`}{" "}
        Use Resend in the invited list to try again, or copy the link and give it to them yourself.
      </Notice>
      {link}
    </div>
  );
}
