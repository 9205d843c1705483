"use client";

// ACCOUNT-1: the answer is the same whether or not the email has an account.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/client/use-hydrated";
import { useAccountText } from "@/components/account/account-text";
import { ZRequestPasswordReset } from "@/shared/password-reset";

export function ForgotPasswordForm() {
  const [emailError, setEmailError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const isHydrated = useHydrated();
  const t = useTranslations("account.forgotPassword");
  const text = useAccountText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const parsed = ZRequestPasswordReset.safeParse({ email: new FormData(event.currentTarget).get("email") ?? "" });
    if (!parsed.success) return setEmailError(text(parsed.error.issues[0]?.message ?? "Enter a valid email address") ?? null);
    setEmailError(null);
    setIsSubmitting(true);
    const response = await fetch("/api/password-reset", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parsed.data),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { data?: { message: string }; error?: { message: string } } | null;
    setIsSubmitting(false);
    if (!response?.ok || !body?.data) return setError(text(body?.error?.message ?? "Could not reach the server. Check your connection and try again.") ?? null);
    setDone(text(body.data.message) ?? null);
  }

  if (done) return <p role="status" className="mt-6 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{done}</p>;
  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          aria-invalid={Boolean(emailError)} aria-describedby={emailError ? "email-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        {emailError && <p id="email-error" className="mt-1 text-xs text-red-600">{emailError}</p>}
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={isSubmitting || !isHydrated}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
