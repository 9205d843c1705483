"use client";

// Issue 15 item 4: ends every sign-in of this account (other browsers, a lost phone, a shared
// computer), then this one, and goes to the sign-in page.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { SESSION_IDLE_HOURS, SESSION_LIFETIME_DAYS } from "@/shared/auth-schemas";
import { callApi, type ApiError } from "./api";
import { ConfirmDialog } from "./confirm-dialog";
import { Notice, SettingsSection, secondaryButtonClass } from "./ui";

export function SignOutEverywhere() {
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
    <SettingsSection title="Sessions" description={`A sign-in lasts at most ${SESSION_LIFETIME_DAYS} days, and ends after ${SESSION_IDLE_HOURS} hours without use.`}>
      <div className="space-y-3">
        {error && <Notice tone="error">{error.message}</Notice>}
        <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(true)}>Sign out everywhere</button>
        <ConfirmDialog isOpen={isConfirming} title="Sign out everywhere?" confirmLabel="Sign out everywhere" isBusy={isBusy}
          onConfirm={() => void signOutEverywhere()} onCancel={() => setIsConfirming(false)}>
          Every browser and device signed in to your account is signed out, this one included. Open consoles close at once.
        </ConfirmDialog>
      </div>
    </SettingsSection>
  );
}
