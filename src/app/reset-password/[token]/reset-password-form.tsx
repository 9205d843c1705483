"use client";

// ACCOUNT-1: choose the new password; the server checks its strength and uses the link up.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/client/use-hydrated";
import { useAccountText } from "@/components/account/account-text";
import { PASSWORD_MIN_LENGTH, basicPasswordProblems } from "@/shared/auth-schemas";

type FieldErrorMap = Record<string, string[] | undefined>;

export function ResetPasswordForm(props: { token: string; email: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap>({});
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const isHydrated = useHydrated();
  const t = useTranslations("account");
  const text = useAccountText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const input = { password: String(form.get("password") ?? ""), confirmPassword: String(form.get("confirmPassword") ?? "") };
    const errors: FieldErrorMap = {};
    const problems = basicPasswordProblems(input.password, props.email);
    if (problems.length > 0) errors.password = problems;
    if (input.password !== input.confirmPassword) errors.confirmPassword = ["The passwords do not match"];
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setIsSubmitting(true);
    const response = await fetch(`/api/password-reset/${encodeURIComponent(props.token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { data?: unknown; error?: { message: string; fieldErrors?: FieldErrorMap } } | null;
    setIsSubmitting(false);
    if (!response?.ok || !body?.data) {
      setFieldErrors(body?.error?.fieldErrors ?? {});
      return setError(text(body?.error?.message ?? "Could not reach the server. Check your connection and try again.") ?? null);
    }
    router.replace("/sign-in?reset=done");
  }

  const errorOf = (field: string) => text(fieldErrors[field]?.[0]);
  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="username" value={props.email} autoComplete="username" />
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">{t("resetPassword.newPassword")}</label>
        <input id="password" name="password" type="password" required autoComplete="new-password"
          aria-invalid={Boolean(errorOf("password"))} aria-describedby="password-hint"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        <p id="password-hint" className={`mt-1 text-xs ${errorOf("password") ? "text-red-600" : "text-slate-500"}`}>{errorOf("password") ?? t("password.hint", { min: PASSWORD_MIN_LENGTH })}</p>
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium text-slate-700">{t("resetPassword.repeatPassword")}</label>
        <input id="confirmPassword" name="confirmPassword" type="password" required autoComplete="new-password"
          aria-invalid={Boolean(errorOf("confirmPassword"))} aria-describedby={errorOf("confirmPassword") ? "confirm-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        {errorOf("confirmPassword") && <p id="confirm-error" className="mt-1 text-xs text-red-600">{errorOf("confirmPassword")}</p>}
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={isSubmitting || !isHydrated}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t("resetPassword.submitting") : t("resetPassword.submit")}
      </button>
    </form>
  );
}
