"use client";

// SET-1: nickname, avatar and default language. A nickname matching the shop's review list
// waits for the owner's approval; buyers keep seeing the current one meanwhile (TEAM-4).
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { AVATAR_MAX_BYTES, AVATAR_TYPES, LANGUAGES, ZPersonalSettingsSchema, type PersonalSettingsDto } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, type ApiError } from "./api";
import { useErrorTexts } from "./error-text";
import { Avatar, FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";

export function PersonalSettingsForm({ initial }: { initial: PersonalSettingsDto }) {
  const t = useTranslations("settings.personal");
  const tRoles = useTranslations("settings.roles");
  const tLanguages = useTranslations("settings.languages");
  const errorTexts = useErrorTexts();
  const [settings, setSettings] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZPersonalSettingsSchema.safeParse({ nickname: form.get("nickname"), defaultLanguage: form.get("defaultLanguage") });
    setSaved(null);
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<PersonalSettingsDto>("/api/me", { method: "PATCH", json: parsed.data });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setSettings(result.data);
    setSaved(result.data.pendingNickname
      ? t("savedPending", { pending: result.data.pendingNickname, nickname: result.data.nickname })
      : t("saved"));
  }

  const nicknameError = errorTexts.fieldOf(error, "nickname");
  return (
    <div className="space-y-6">
      <AvatarSection settings={settings} onChange={setSettings} />
      <SettingsSection title={t("profile")} headingId="section-profile" description={t.rich("profileDescription", {
        email: settings.email,
        role: tRoles(settings.role),
        strong: (chunks) => <span className="font-medium text-slate-700">{chunks}</span>,
      })}>
        <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
          <div>
            <label htmlFor="nickname" className={labelClass}>{t("nickname")}</label>
            <input id="nickname" name="nickname" defaultValue={settings.pendingNickname ?? settings.nickname} maxLength={40} required className={inputClass}
              aria-invalid={Boolean(nicknameError)} aria-describedby="nickname-hint" />
            <FieldHint id="nickname-hint" error={nicknameError}
              hint={settings.pendingNickname
                ? <span data-testid="nickname-under-review">{t("nicknameUnderReview", { pending: settings.pendingNickname, nickname: settings.nickname })}</span>
                : t("nicknameHint")} />
          </div>
          <div>
            <label htmlFor="defaultLanguage" className={labelClass}>{t("language")}</label>
            <select id="defaultLanguage" name="defaultLanguage" defaultValue={settings.defaultLanguage} className={inputClass} aria-describedby="language-hint">
              {LANGUAGES.map((language) => <option key={language.code} value={language.code}>{tLanguages(language.code)}</option>)}
            </select>
            <FieldHint id="language-hint" error={errorTexts.fieldOf(error, "defaultLanguage")} hint={t("languageHint")} />
          </div>
          <div>
            <label htmlFor="email" className={labelClass}>{t("email")}</label>
            <input id="email" value={settings.email} readOnly disabled className={inputClass} aria-describedby="email-hint" />
            <FieldHint id="email-hint" hint={t("emailHint")} />
          </div>
          {error && !nicknameError && <Notice tone="error">{errorTexts.message(error)}</Notice>}
          {saved && <Notice tone="success" testId="personal-saved">{saved}</Notice>}
          <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? t("saving") : t("save")}</button>
        </form>
      </SettingsSection>
    </div>
  );
}

function AvatarSection(props: { settings: PersonalSettingsDto; onChange: (settings: PersonalSettingsDto) => void }) {
  const t = useTranslations("settings.avatar");
  const tFields = useTranslations("settings.errors.fields");
  const errorTexts = useErrorTexts();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    // Checked again on the server by the file's content; this only saves a pointless upload.
    if (file.size > AVATAR_MAX_BYTES) return setError(tFields("imageSize"));
    const form = new FormData();
    form.set("avatar", file);
    setIsBusy(true);
    const result = await callApi<PersonalSettingsDto>("/api/me/avatar", { method: "POST", formData: form });
    setIsBusy(false);
    if (!result.ok) return setError(errorTexts.fieldOf(result.error, "avatar") ?? errorTexts.message(result.error));
    props.onChange(result.data);
  }

  async function remove() {
    setIsBusy(true);
    const result = await callApi<PersonalSettingsDto>("/api/me/avatar", { method: "DELETE" });
    setIsBusy(false);
    if (!result.ok) return setError(errorTexts.message(result.error));
    props.onChange(result.data);
  }

  return (
    <SettingsSection title={t("title")} headingId="section-avatar" description={t("description")}>
      <div className="flex items-center gap-4">
        <Avatar nickname={props.settings.nickname} avatarUrl={props.settings.avatarUrl} size="lg" />
        <div className="flex flex-wrap gap-2">
          <label className={`${secondaryButtonClass} cursor-pointer focus-within:outline focus-within:outline-2 focus-within:outline-brand-500`}>
            {isBusy ? t("uploading") : t("upload")}
            <input ref={input} type="file" accept={AVATAR_TYPES.join(",")} className="sr-only" onChange={(event) => void upload(event)} disabled={isBusy} />
          </label>
          {props.settings.avatarUrl && <button type="button" className={secondaryButtonClass} onClick={() => void remove()} disabled={isBusy}>{t("remove")}</button>}
        </div>
      </div>
      {error && <div className="mt-3"><Notice tone="error">{error}</Notice></div>}
    </SettingsSection>
  );
}
