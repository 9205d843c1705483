"use client";

// SHOP-3: shown on the console and in settings until the person's address is verified, with
// "Resend". Unverified owners can set up the chat, test it and answer buyers; inviting members
// waits for the verified address.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useAccountText } from "@/components/account/account-text";
import { callApi } from "@/components/settings/api";
import type { MailDeliveryDto } from "@/shared/team";

/** The mailer's English delivery sentences (src/server/mail/mailer.ts), by their shape. */
const DELIVERY_PATTERNS: Array<[RegExp, string]> = [
  [/^No mail server is configured \(SMTP_URL\), so the email to (.+) was not sent\. Copy the link and give it to them yourself; Settings → Outbox keeps it too\.$/, "savedOutbox"],
  [/^No mail server is configured \(SMTP_URL\), so the email to (.+) was not sent; it is in the server log\.$/, "savedLog"],
  [/^The email to (.+) could not be saved\. Try again\.$/, "notSaved"],
  [/^The email was sent to (.+)\.$/, "sent"],
  [/^The email to (.+) could not be sent \(the mail server did not accept it\)\. Try again with Resend\.$/, "refused"],
  [/^The email to (.+) could not be sent\. Try again with Resend\.$/, "failed"],
];

function useDeliveryText(): (message: string) => string {
  const t = useTranslations("onboarding.mailDelivery");
  return useCallback((message: string) => {
    for (const [pattern, key] of DELIVERY_PATTERNS) {
      const match = pattern.exec(message);
      if (match) return t(key, { email: match[1]! });
    }
    return message;
  }, [t]);
}

export function VerifyEmailBanner({ email }: { email: string }) {
  const [note, setNote] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const t = useTranslations("onboarding.verifyBanner");
  const text = useAccountText();
  const deliveryText = useDeliveryText();

  async function resend() {
    setIsBusy(true);
    const result = await callApi<{ delivery: MailDeliveryDto; alreadyVerified: boolean }>("/api/me/email-verification", { method: "POST" });
    setIsBusy(false);
    if (!result.ok) return setNote(text(result.error.message) ?? null);
    if (result.data.alreadyVerified) return setNote(t("alreadyVerified"));
    const delivery = result.data.delivery;
    setNote(delivery.status === "failed" ? deliveryText(delivery.message) : `${t("newLinkSent", { email })} ${delivery.status === "saved" ? deliveryText(delivery.message) : ""}`.trim());
  }

  return (
    <div role="region" aria-label={t("region")} data-testid="verify-email-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span>{t.rich("text", { email, strong: (chunks) => <strong>{chunks}</strong> })}</span>
      <button type="button" onClick={() => void resend()} disabled={isBusy} className="rounded-md border border-amber-300 bg-white px-2 py-0.5 text-amber-900 hover:bg-amber-100 disabled:opacity-60">
        {isBusy ? t("sending") : t("resend")}
      </button>
      {note && <span role="status">{note}</span>}
    </div>
  );
}
