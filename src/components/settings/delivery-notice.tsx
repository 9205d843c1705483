// What happened to an activation email: sent, saved (no mail server), or failed (the
// invitation exists anyway; Resend tries again). The link is always offered to copy (MAIL-1):
// without a mail server it is the only way it reaches the person.
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/core/i18n/locale";
import type { MailDeliveryDto } from "@/shared/team";
import { CopyLink } from "./copy-link";
import { Notice } from "./ui";

export function DeliveryNotice(props: { email: string; delivery: MailDeliveryDto; inviteUrl?: string; isResend?: boolean }) {
  const { delivery, inviteUrl } = props;
  const t = useTranslations("settings.delivery");
  const locale = useLocale();
  const email = props.email;
  const link = inviteUrl ? <CopyLink url={inviteUrl} label={t("invitationLink")} /> : null;
  if (delivery.status === "sent") {
    return (
      <div className="space-y-1">
        <Notice tone="success" testId="delivery-notice">
          {props.isResend ? t("sentAgain", { email }) : t("sent", { email })}
        </Notice>
        {link && (
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">{t("copyInstead")}</summary>
            {link}
          </details>
        )}
      </div>
    );
  }
  if (delivery.status === "saved") {
    // The mailer's sentence is English; other languages read the same sentence from the catalog.
    const savedText = locale === DEFAULT_LOCALE ? delivery.message : t(delivery.outboxUrl ? "savedWithOutbox" : "savedLog", { email });
    return (
      <div className="space-y-1">
        <Notice tone="info" testId="delivery-notice">
          {props.isResend ? t("newLink", { email }) : t("created", { email })} {savedText}{" "}
          {delivery.outboxUrl && <a className="font-medium underline" href={delivery.outboxUrl}>{t("openOutbox")}</a>}
        </Notice>
        {link}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <Notice tone="error" testId="delivery-notice">
        {props.isResend ? t("newLinkFailed", { email }) : t("createdFailed", { email })} {t("failedHelp")}
      </Notice>
      {link}
    </div>
  );
}
