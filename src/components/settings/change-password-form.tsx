"use client";

// ACCOUNT-2: change your own password: the current one, then the new one twice. Other signed-in
// browsers are signed out; this one stays.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/client/use-hydrated";
import { PASSWORD_MIN_LENGTH, basicPasswordProblems } from "@/shared/auth-schemas";
import { callApi } from "./api";
import { useErrorTexts } from "./error-text";
import { Notice, SettingsSection, inputClass, labelClass, primaryButtonClass } from "./ui";

type FieldErrorMap = Record<string, string[] | undefined>;

export function ChangePasswordForm(props: { email: string }) {
  const t = useTranslations("settings.password");
  const errorTexts = useErrorTexts();
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
      return setError(errorTexts.message(result.error));
    }
    formElement.reset();
    const others = result.data.revokedSessions;
    setSaved(others > 0 ? `${t("changed")} ${t("othersSignedOut", { count: others })}` : t("changed"));
  }

  const errorOf = (field: string) => {
    const text = fieldErrors[field]?.[0];
    return text === undefined ? undefined : errorTexts.field(text);
  };
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", label: string, autoComplete: string, hint?: string) => (
    <div>
      <label htmlFor={`change-${name}`} className={labelClass}>{label}</label>
      <input id={`change-${name}`} name={name} type="password" autoComplete={autoComplete} required className={inputClass}
        aria-invalid={Boolean(errorOf(name))} aria-describedby={`change-${name}-hint`} />
      <p id={`change-${name}-hint`} className={`mt-1 text-xs ${errorOf(name) ? "text-red-600" : "text-slate-500"}`}>{errorOf(name) ?? hint ?? ""}</p>
    </div>
  );
  return (
    <SettingsSection title={t("title")} headingId="section-password" description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3" aria-label={t("formLabel")}>
        <input type="hidden" name="username" value={props.email} autoComplete="username" />
        {field("currentPassword", t("current"), "current-password")}
        {field("newPassword", t("new"), "new-password", t("hint", { min: PASSWORD_MIN_LENGTH }))}
        {field("confirmPassword", t("repeat"), "new-password")}
        {error && !Object.keys(fieldErrors).length && <Notice tone="error">{error}</Notice>}
        {saved && <Notice tone="success" testId="password-changed">{saved}</Notice>}
        <button type="submit" className={primaryButtonClass} disabled={isSubmitting || !isHydrated}>{isSubmitting ? t("saving") : t("submit")}</button>
      </form>
    </SettingsSection>
  );
}
