"use client";

// Issue 15 item 4: ends every sign-in of this account (other browsers, a lost phone, a shared
// computer), then this one, and goes to the sign-in page.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SESSION_IDLE_HOURS, SESSION_LIFETIME_DAYS } from "@/shared/auth-schemas";
import { callApi, type ApiError } from "./api";
import { useErrorTexts } from "./error-text";
import { ConfirmDialog } from "./confirm-dialog";
import { Notice, SettingsSection, secondaryButtonClass } from "./ui";

export function SignOutEverywhere() {
  const t = useTranslations("settings.sessions");
  const errorTexts = useErrorTexts();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function signOutEverywhere() {
    setIsBusy(true);
    setError(null);
    const result = await callApi<{ revokedSessions: number }>("/api/me/sessions", { method: "DELETE" });
    if (!result.ok) {
      setIsBusy(false);
      setIsConfirming(false);
      return setError(result.error);
    }
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <SettingsSection title={t("title")} headingId="section-sessions" description={t("description", { days: SESSION_LIFETIME_DAYS, hours: SESSION_IDLE_HOURS })}>
      <div className="space-y-3">
        {error && <Notice tone="error">{errorTexts.message(error)}</Notice>}
        <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(true)}>{t("button")}</button>
        <ConfirmDialog isOpen={isConfirming} title={t("confirmTitle")} confirmLabel={t("confirmLabel")} isBusy={isBusy}
          onConfirm={() => void signOutEverywhere()} onCancel={() => setIsConfirming(false)}>
          {t("confirmText")}
        </ConfirmDialog>
      </div>
    </SettingsSection>
  );
}
