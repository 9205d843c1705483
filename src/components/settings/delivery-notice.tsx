// What happened to an activation email: sent, saved (no mail server), or failed (the
// invitation exists anyway; Resend tries again).
import type { MailDeliveryDto } from "@/shared/team";
import { Notice } from "./ui";

export function DeliveryNotice(props: { email: string; delivery: MailDeliveryDto }) {
  const { delivery } = props;
  if (delivery.status === "sent") return <Notice tone="success" testId="delivery-notice">Invitation sent to {props.email}.</Notice>;
  if (delivery.status === "saved") {
    return (
      <Notice tone="info" testId="delivery-notice">
        Invitation created for {props.email}. {delivery.message}{" "}
        {delivery.devMailboxUrl && <a className="font-medium underline" href={delivery.devMailboxUrl}>Open the development mailbox</a>}
      </Notice>
    );
  }
  return (
    <Notice tone="error" testId="delivery-notice">
      Invitation created for {props.email}, but the email could not be sent. Use Resend in the invited list to try again.
    </Notice>
  );
}
