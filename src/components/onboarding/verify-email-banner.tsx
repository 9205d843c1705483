"use client";

// SHOP-3: shown on the console and in settings until the person's address is verified, with
// "Resend". Unverified owners can set up the chat, test it and answer buyers; inviting members
// waits for the verified address.
import { useState } from "react";
import { callApi } from "@/components/settings/api";
import type { MailDeliveryDto } from "@/shared/team";

export function VerifyEmailBanner({ email }: { email: string }) {
  const [note, setNote] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function resend() {
    setIsBusy(true);
    const result = await callApi<{ delivery: MailDeliveryDto; alreadyVerified: boolean }>("/api/me/email-verification", { method: "POST" });
    setIsBusy(false);
    if (!result.ok) return setNote(result.error.message);
    if (result.data.alreadyVerified) return setNote("Your email address is already verified. Reload the page.");
    setNote(result.data.delivery.status === "failed" ? result.data.delivery.message : `A new link is on its way to ${email}. ${result.data.delivery.status === "saved" ? result.data.delivery.message : ""}`.trim());
  }

  return (
    <div role="region" aria-label="Verify your email" data-testid="verify-email-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span><strong>Verify your email address.</strong> We sent a link to {email}. Until then you can set up and answer chats, but not invite members.</span>
      <button type="button" onClick={() => void resend()} disabled={isBusy} className="rounded-md border border-amber-300 bg-white px-2 py-0.5 text-amber-900 hover:bg-amber-100 disabled:opacity-60">
        {isBusy ? "Sending…" : "Resend"}
      </button>
      {note && <span role="status">{note}</span>}
    </div>
  );
}
