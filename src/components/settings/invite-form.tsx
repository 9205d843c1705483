"use client";

// TEAM-2: add a user with a role, an email and a default language. The invitation is created
// even when the email cannot be sent; the form says so and the invited list offers Resend.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { LANGUAGES, ZInviteMemberSchema, type InvitationDto, type InvitationResultDto } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, type ApiError } from "./api";
import { useErrorTexts } from "./error-text";
import { DeliveryNotice } from "./delivery-notice";
import { FieldHint, Notice, inputClass, labelClass, primaryButtonClass } from "./ui";

export function InviteForm(props: { onInvited: (invitation: InvitationDto) => void }) {
  const t = useTranslations("settings.invite");
  const tRoles = useTranslations("settings.roles");
  const tLanguages = useTranslations("settings.languages");
  const errorTexts = useErrorTexts();
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<InvitationResultDto | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { email: form.get("email"), role: form.get("role"), defaultLanguage: form.get("defaultLanguage") };
    const parsed = ZInviteMemberSchema.safeParse(input);
    setResult(null);
    if (!parsed.success) {
      setError({ code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: zodFieldErrors(parsed.error) });
      return;
    }
    setError(null);
    setIsSubmitting(true);
    const response = await callApi<InvitationResultDto>("/api/team/invitations", { method: "POST", json: parsed.data });
    setIsSubmitting(false);
    if (!response.ok) return setError(response.error);
    setResult(response.data);
    props.onInvited(response.data.invitation);
    formElement.reset();
  }

  const emailError = errorTexts.fieldOf(error, "email");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <div>
          <label htmlFor="invite-email" className={labelClass}>{t("email")}</label>
          <input id="invite-email" name="email" type="email" autoComplete="off" required className={inputClass}
            aria-invalid={Boolean(emailError)} aria-describedby="invite-email-hint" />
          <FieldHint id="invite-email-hint" error={emailError} hint={t("emailHint")} />
        </div>
        <div>
          <label htmlFor="invite-role" className={labelClass}>{t("role")}</label>
          <select id="invite-role" name="role" defaultValue="agent" className={inputClass} aria-describedby="invite-role-hint">
            <option value="agent">{tRoles("agent")}</option>
            <option value="admin">{tRoles("admin")}</option>
          </select>
          <FieldHint id="invite-role-hint" error={errorTexts.fieldOf(error, "role")} hint={t("roleHint")} />
        </div>
        <div>
          <label htmlFor="invite-language" className={labelClass}>{t("language")}</label>
          <select id="invite-language" name="defaultLanguage" defaultValue="en" className={inputClass}>
            {LANGUAGES.map((language) => <option key={language.code} value={language.code}>{tLanguages(language.code)}</option>)}
          </select>
          <FieldHint id="invite-language-hint" error={errorTexts.fieldOf(error, "defaultLanguage")} />
        </div>
      </div>
      {error && !emailError && <Notice tone="error">{errorTexts.message(error)}</Notice>}
      {result && <DeliveryNotice email={result.invitation.email} delivery={result.delivery} inviteUrl={result.inviteUrl} />}
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>{isSubmitting ? t("sending") : t("send")}</button>
    </form>
  );
}
