"use client";

// SHOP-1, SHOP-2: the sign-up form. The server checks everything again (and the password's
// strength, which needs the dictionaries); the browser only shows what the server says, field by
// field. After the shop exists the browser signs in with the same credentials, asking for the new
// shop, and goes to the getting-started page.
import { signIn } from "next-auth/react";
import { useEffect, useState, type FormEvent } from "react";
import type { FieldErrors } from "@/core/errors";
import { callApi } from "@/components/settings/api";
import { describeSignInError, PASSWORD_HINT } from "@/shared/auth-schemas";
import type { SignUpResultDto } from "@/shared/sign-up";

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
    setIsSubmitting(true);
    const result = await callApi<SignUpResultDto>("/api/sign-up", { method: "POST", json: fields });
    if (!result.ok) {
      setIsSubmitting(false);
      setFieldErrors(result.error.fieldErrors ?? {});
      setError(result.error.message);
      return;
    }
    setFieldErrors({});
    const signedIn = await signIn("credentials", { email: fields.email, password: fields.password, shopId: result.data.shopId, redirect: false });
    if (!signedIn || signedIn.error) {
      setIsSubmitting(false);
      setError(`Your shop was created, but signing in failed: ${describeSignInError(signedIn?.error ?? "invalid_credentials")} Sign in to continue.`);
      return;
    }
    window.location.assign("/settings/getting-started?welcome=1");
  }

  const fieldError = (name: string) => fieldErrors[name]?.[0];
  const describedBy = (name: string, hint?: string) => [fieldError(name) ? `${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  const errorLine = (name: string) => fieldError(name) && <p id={`${name}-error`} className="mt-1 text-xs text-red-600">{fieldError(name)}</p>;

  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate aria-label="Create your shop">
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">You</legend>
        <div>
          <label htmlFor="name" className={labelClass}>Your name</label>
          <input id="name" name="name" autoComplete="name" required maxLength={40} className={inputClass}
            aria-invalid={Boolean(fieldError("name"))} aria-describedby={describedBy("name", "name-hint")} />
          <p id="name-hint" className="mt-1 text-xs text-slate-500">Buyers see it as your nickname in the chat (never your email). You can change it later.</p>
          {errorLine("name")}
        </div>
        <div>
          <label htmlFor="email" className={labelClass}>Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={props.signedInEmail ?? undefined} className={inputClass}
            aria-invalid={Boolean(fieldError("email"))} aria-describedby={describedBy("email")} />
          {errorLine("email")}
        </div>
        <div>
          <label htmlFor="password" className={labelClass}>Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required className={inputClass}
            aria-invalid={Boolean(fieldError("password"))} aria-describedby={describedBy("password", "password-hint")} />
          <p id="password-hint" className="mt-1 text-xs text-slate-500">{PASSWORD_HINT} Already have a Counterpart account (for example as an agent)? Use its email and password: the new shop is added to it.</p>
          {errorLine("password")}
        </div>
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold text-slate-900">Your shop</legend>
        <div>
          <label htmlFor="shopName" className={labelClass}>Shop name</label>
          <input id="shopName" name="shopName" required maxLength={80} autoComplete="organization" className={inputClass}
            aria-invalid={Boolean(fieldError("shopName"))} aria-describedby={describedBy("shopName")} />
          {errorLine("shopName")}
        </div>
        <div className="grid grid-cols-2 gap-4">
          <div>
            <label htmlFor="currency" className={labelClass}>Currency</label>
            <select id="currency" name="currency" defaultValue="USD" className={inputClass} aria-invalid={Boolean(fieldError("currency"))} aria-describedby={describedBy("currency")}>
              {props.currencies.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
            {errorLine("currency")}
          </div>
          <div>
            <label htmlFor="defaultLanguage" className={labelClass}>Default language</label>
            <select id="defaultLanguage" name="defaultLanguage" defaultValue="en" className={inputClass} aria-invalid={Boolean(fieldError("defaultLanguage"))} aria-describedby={describedBy("defaultLanguage")}>
              {props.languages.map((language) => <option key={language.code} value={language.code}>{language.label}</option>)}
            </select>
            {errorLine("defaultLanguage")}
          </div>
        </div>
        <div>
          <label htmlFor="timeZone" className={labelClass}>Time zone</label>
          <select id="timeZone" name="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} className={inputClass}
            aria-invalid={Boolean(fieldError("timeZone"))} aria-describedby={describedBy("timeZone", "timezone-hint")}>
            {props.timeZones.map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, " ")}</option>)}
          </select>
          <p id="timezone-hint" className="mt-1 text-xs text-slate-500">Your shop&apos;s local time (an IANA zone); the browser's own zone is chosen for you.</p>
          {errorLine("timeZone")}
        </div>
      </fieldset>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={isSubmitting}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? "Creating your shop…" : "Create shop"}
      </button>
    </form>
  );
}
