"use client";

// SHOP-1, SHOP-2: the sign-up form. The server checks everything again (and the password's
// strength, which needs the dictionaries); the browser only shows what the server says, field by
// field. The browser checks the schema's rules first (ZSignUp) so a mistake is shown at once in
// the page's language (account-text.ts). After the shop exists the browser signs in with the same credentials, asking for the new
// shop, and goes to the getting-started page.
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import type { FieldErrors } from "@/core/errors";
import { useAccountText, useSignInErrorText } from "@/components/account/account-text";
import { callApi } from "@/components/settings/api";
import { PASSWORD_MIN_LENGTH } from "@/shared/auth-schemas";
import { ZSignUp, type SignUpResultDto } from "@/shared/sign-up";
import { zodFieldErrors } from "@/shared/validation";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none";
const labelClass = "block text-sm font-medium text-slate-700";

interface Props {
  signedInEmail: string | null;
  currencies: string[];
  timeZones: string[];
  languages: Array<{ code: string; label: string }>;
}

export function SignUpForm(props: Props) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [timeZone, setTimeZone] = useState("UTC");
  const t = useTranslations("account");
  const locale = useLocale();
  const text = useAccountText();
  const describeSignInError = useSignInErrorText();

  // The browser's own zone is the likeliest choice; the server validates whatever is sent.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && props.timeZones.includes(zone)) setTimeZone(zone);
  }, [props.timeZones]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const fields = Object.fromEntries(["name", "email", "password", "shopName", "currency", "timeZone", "defaultLanguage"].map((key) => [key, String(form.get(key) ?? "")]));
    const checked = ZSignUp.safeParse(fields);
    if (!checked.success) {
      setFieldErrors(zodFieldErrors(checked.error));
      setError(text("Some fields are not valid.") ?? null);
      return;
    }
    setIsSubmitting(true);
    const result = await callApi<SignUpResultDto>("/api/sign-up", { method: "POST", json: fields });
    if (!result.ok) {
      setIsSubmitting(false);
      setFieldErrors(result.error.fieldErrors ?? {});
      setError(text(result.error.message) ?? null);
      return;
    }
    setFieldErrors({});
    const signedIn = await signIn("credentials", { email: fields.email, password: fields.password, shopId: result.data.shopId, redirect: false });
    if (!signedIn || signedIn.error) {
      setIsSubmitting(false);
      setError(t("signUp.signInFailed", { reason: describeSignInError(signedIn?.error ?? "invalid_credentials") ?? "" }));
      return;
    }
    window.location.assign("/settings/getting-started?welcome=1");
  }

  const fieldError = (name: string) => text(fieldErrors[name]?.[0]);
  const describedBy = (name: string, hint?: string) => [fieldError(name) ? `${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  const errorLine = (name: string) => fieldError(name) && <p id={`${name}-error`} className="mt-1 text-xs text-red-600">{fieldError(name)}</p>;

  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate aria-label={t("signUp.formLabel")}>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("signUp.you")}</legend>
        <div>
          <label htmlFor="name" className={labelClass}>{t("signUp.yourName")}</label>
          <input id="name" name="name" autoComplete="name" required maxLength={40} className={inputClass}
            aria-invalid={Boolean(fieldError("name"))} aria-describedby={describedBy("name", "name-hint")} />
          <p id="name-hint" className="mt-1 text-xs text-slate-500">{t("signUp.nameHint")}</p>
          {errorLine("name")}
        </div>
        <div>
          <label htmlFor="email" className={labelClass}>{t("signUp.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={props.signedInEmail ?? undefined} className={inputClass}
            aria-invalid={Boolean(fieldError("email"))} aria-describedby={describedBy("email")} />
          {errorLine("email")}
        </div>
        <div>
          <label htmlFor="password" className={labelClass}>{t("signUp.password")}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required className={inputClass}
            aria-invalid={Boolean(fieldError("password"))} aria-describedby={describedBy("password", "password-hint")} />
          <p id="password-hint" className="mt-1 text-xs text-slate-500">{t("password.hint", { min: PASSWORD_MIN_LENGTH })} {t("signUp.passwordHintExisting")}</p>
          {errorLine("password")}
        </div>
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold text-slate-900">{t("signUp.yourShop")}</legend>
        <div>
          <label htmlFor="shopName" className={labelClass}>{t("signUp.shopName")}</label>
          <input id="shopName" name="shopName" required maxLength={80} autoComplete="organization" className={inputClass}
            aria-invalid={Boolean(fieldError("shopName"))} aria-describedby={describedBy("shopName")} />
          {errorLine("shopName")}
        </div>
        <div className="grid grid-cols-2 gap-4">
          <div>
            <label htmlFor="currency" className={labelClass}>{t("signUp.currency")}</label>
            <select id="currency" name="currency" defaultValue="USD" className={inputClass} aria-invalid={Boolean(fieldError("currency"))} aria-describedby={describedBy("currency")}>
              {props.currencies.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
            {errorLine("currency")}
          </div>
          <div>
            <label htmlFor="defaultLanguage" className={labelClass}>{t("signUp.defaultLanguage")}</label>
            <select id="defaultLanguage" name="defaultLanguage" defaultValue={props.languages.some((language) => language.code === locale) ? locale : "en"} className={inputClass} aria-invalid={Boolean(fieldError("defaultLanguage"))} aria-describedby={describedBy("defaultLanguage")}>
              {props.languages.map((language) => <option key={language.code} value={language.code}>{language.label}</option>)}
            </select>
            {errorLine("defaultLanguage")}
          </div>
        </div>
        <div>
          <label htmlFor="timeZone" className={labelClass}>{t("signUp.timeZone")}</label>
          <select id="timeZone" name="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} className={inputClass}
            aria-invalid={Boolean(fieldError("timeZone"))} aria-describedby={describedBy("timeZone", "timezone-hint")}>
            {props.timeZones.map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, " ")}</option>)}
          </select>
          <p id="timezone-hint" className="mt-1 text-xs text-slate-500">{t("signUp.timeZoneHint")}</p>
          {errorLine("timeZone")}
        </div>
      </fieldset>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={isSubmitting}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t("signUp.submitting") : t("signUp.submit")}
      </button>
    </form>
  );
}
