"use client";

// ACCOUNT-2: change your own password: the current one, then the new one twice. Other signed-in
// browsers are signed out; this one stays.
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/client/use-hydrated";
import { PASSWORD_HINT, basicPasswordProblems } from "@/shared/auth-schemas";
import { callApi } from "./api";
import { Notice, SettingsSection, inputClass, labelClass, primaryButtonClass } from "./ui";

type FieldErrorMap = Record<string, string[] | undefined>;

export function ChangePasswordForm(props: { email: string }) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const isHydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    };
    const errors: FieldErrorMap = {};
    if (!input.currentPassword) errors.currentPassword = ["Enter your current password"];
    const problems = basicPasswordProblems(input.newPassword, props.email);
    if (problems.length > 0) errors.newPassword = problems;
    if (input.newPassword !== input.confirmPassword) errors.confirmPassword = ["The passwords do not match"];
    setFieldErrors(errors);
    setError(null);
    setSaved(null);
    if (Object.keys(errors).length > 0) return;
    setIsSubmitting(true);
    const result = await callApi<{ revokedSessions: number }>("/api/me/password", { method: "POST", json: input });
    setIsSubmitting(false);
    if (!result.ok) {
      setFieldErrors(result.error.fieldErrors ?? {});
      return setError(result.error.message);
    }
    formElement.reset();
    const others = result.data.revokedSessions;
    setSaved(`Your password was changed.${others > 0 ? ` ${others === 1 ? "One other sign-in was" : `${others} other sign-ins were`} signed out.` : ""}`);
  }

  const errorOf = (field: string) => fieldErrors[field]?.[0];
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", label: string, autoComplete: string, hint?: string) => (
    <div>
      <label htmlFor={`change-${name}`} className={labelClass}>{label}</label>
      <input id={`change-${name}`} name={name} type="password" autoComplete={autoComplete} required className={inputClass}
        aria-invalid={Boolean(errorOf(name))} aria-describedby={`change-${name}-hint`} />
      <p id={`change-${name}-hint`} className={`mt-1 text-xs ${errorOf(name) ? "text-red-600" : "text-slate-500"}`}>{errorOf(name) ?? hint ?? ""}</p>
    </div>
  );
  return (
    <SettingsSection title="Password" description="Changing your password signs out your other browsers and devices; this one stays signed in.">
      <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3" aria-label="Change password">
        <input type="hidden" name="username" value={props.email} autoComplete="username" />
        {field("currentPassword", "Current password", "current-password")}
        {field("newPassword", "New password", "new-password", PASSWORD_HINT)}
        {field("confirmPassword", "Repeat the new password", "new-password")}
        {error && !Object.keys(fieldErrors).length && <Notice tone="error">{error}</Notice>}
        {saved && <Notice tone="success" testId="password-changed">{saved}</Notice>}
        <button type="submit" className={primaryButtonClass} disabled={isSubmitting || !isHydrated}>{isSubmitting ? "Saving…" : "Change password"}</button>
      </form>
    </SettingsSection>
  );
}
