"use client";

// SHOP-4: the identity secret, fetched only when "Reveal" is pressed, and its rotation. After a
// rotation the previous secret keeps verifying identity tokens until the time shown, so the
// shop's servers can switch to the new one without buyers being signed out of the chat.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useAccountText } from "@/components/account/account-text";
import { callApi } from "@/components/settings/api";
import { dangerButtonClass, Notice, secondaryButtonClass } from "@/components/settings/ui";
import { IDENTITY_SECRET_GRACE_HOURS } from "@/core/shop/onboarding";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { CopyButton } from "./copy-button";

interface SecretDto {
  identitySecret: string;
  previousSecretValidUntil: string | null;
}

export function IdentitySecretPanel({ initialPreviousValidUntil }: { initialPreviousValidUntil: string | null }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [previousValidUntil, setPreviousValidUntil] = useState(initialPreviousValidUntil);
  const [error, setError] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const t = useTranslations("onboarding.identitySecret");
  const locale = useLocale();
  const text = useAccountText();

  async function reveal() {
    setIsBusy(true);
    const result = await callApi<SecretDto>("/api/team/identity-secret");
    setIsBusy(false);
    if (!result.ok) return setError(text(result.error.message) ?? null);
    setError(null);
    setSecret(result.data.identitySecret);
    setPreviousValidUntil(result.data.previousSecretValidUntil);
  }

  async function rotate() {
    setIsConfirming(false);
    setIsBusy(true);
    const result = await callApi<SecretDto>("/api/team/identity-secret", { method: "POST" });
    setIsBusy(false);
    if (!result.ok) return setError(text(result.error.message) ?? null);
    setError(null);
    setSecret(result.data.identitySecret);
    setPreviousValidUntil(result.data.previousSecretValidUntil);
  }

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <code data-testid="identity-secret" className="rounded-md bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800">{secret ?? "••••••••••••••••••••••••"}</code>
        {secret ? <CopyButton text={secret} label={t("copySecret")} /> : (
          <button type="button" onClick={() => void reveal()} disabled={isBusy} className={secondaryButtonClass}>{t("reveal")}</button>
        )}
        <button type="button" onClick={() => setIsConfirming(true)} disabled={isBusy} className={dangerButtonClass}>{t("rotateSecret")}</button>
      </div>
      {previousValidUntil && (
        <Notice tone="info" testId="previous-secret-note">
          {t("previousStillValid", { until: new Date(previousValidUntil).toLocaleString(locale) })}
        </Notice>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t("confirmTitle")}
        confirmLabel={t("confirmLabel")}
        isBusy={isBusy}
        onConfirm={() => void rotate()}
        onCancel={() => setIsConfirming(false)}
      >
        {t("confirmBody", { hours: IDENTITY_SECRET_GRACE_HOURS })}
      </ConfirmDialog>
    </div>
  );
}
