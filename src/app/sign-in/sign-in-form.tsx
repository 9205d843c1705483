"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useAccountText, useSignInErrorText } from "@/components/account/account-text";
import { ZSignInSchema, safeCallbackUrl } from "@/shared/auth-schemas";

/** `callbackUrl` is where a page sent the person from; only a path of this app is followed. */
export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const t = useTranslations("account.signIn");
  const text = useAccountText();
  const describeSignInError = useSignInErrorText();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const parsed = ZSignInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      setFieldErrors({ email: text(flat.email?.[0]), password: text(flat.password?.[0]) });
      return;
    }
    setFieldErrors({});
    setIsSubmitting(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setIsSubmitting(false);
    if (!result || result.error) {
      setError(describeSignInError(result?.error ?? "invalid_credentials"));
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin, "/console"));
    router.refresh();
  }

  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          aria-invalid={Boolean(fieldErrors.email)} aria-describedby={fieldErrors.email ? "email-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        {fieldErrors.email && <p id="email-error" className="mt-1 text-xs text-red-600">{fieldErrors.email}</p>}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={Boolean(fieldErrors.password)} aria-describedby={fieldErrors.password ? "password-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        {fieldErrors.password && <p id="password-error" className="mt-1 text-xs text-red-600">{fieldErrors.password}</p>}
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>
      )}
      <button type="submit" disabled={isSubmitting}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
