"use client";

// SHOP-3: confirms a verification link (POST), then says what happened.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAccountText } from "@/components/account/account-text";
import { callApi } from "@/components/settings/api";

export function ConfirmEmailButton({ token }: { token: string }) {
  const [state, setState] = useState<{ tone: "idle" | "done" | "error"; message?: string }>({ tone: "idle" });
  const [isBusy, setIsBusy] = useState(false);
  const t = useTranslations("onboarding.confirmEmail");
  const text = useAccountText();

  async function confirm() {
    setIsBusy(true);
    const result = await callApi<{ email: string }>(`/api/email-verification/${encodeURIComponent(token)}`, { method: "POST" });
    setIsBusy(false);
    setState(result.ok ? { tone: "done", message: t("verified", { email: result.data.email }) } : { tone: "error", message: text(result.error.message) });
  }

  if (state.tone === "done") {
    return (
      <div className="mt-6 space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{state.message}</p>
        <a href="/console" className="block rounded-md bg-brand-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-brand-700">{t("goToConsole")}</a>
      </div>
    );
  }
  return (
    <div className="mt-6 space-y-3">
      {state.tone === "error" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <button type="button" onClick={() => void confirm()} disabled={isBusy}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isBusy ? t("verifying") : t("verify")}
      </button>
    </div>
  );
}
