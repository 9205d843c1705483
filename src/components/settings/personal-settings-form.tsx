"use client";

// SET-1: nickname, avatar and default language. A nickname matching the shop's review list
// waits for the owner's approval; buyers keep seeing the current one meanwhile (TEAM-4).
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { AVATAR_MAX_BYTES, AVATAR_TYPES, LANGUAGES, ROLE_LABELS, ZPersonalSettingsSchema, type PersonalSettingsDto } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, fieldError, type ApiError } from "./api";
import { Avatar, FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";

export function PersonalSettingsForm({ initial }: { initial: PersonalSettingsDto }) {
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
      ? `Saved. “${result.data.pendingNickname}” is waiting for the owner's approval; buyers still see “${result.data.nickname}”.`
      : "Your personal settings were saved.");
  }

  const nicknameError = fieldError(error, "nickname");
  return (
    <div className="space-y-6">
      <AvatarSection settings={settings} onChange={setSettings} />
      <SettingsSection title="Profile" description={<>Signed in as <span className="font-medium text-slate-700">{settings.email}</span> ({ROLE_LABELS[settings.role]}). Buyers see your nickname and avatar, never your email.</>}>
        <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
          <div>
            <label htmlFor="nickname" className={labelClass}>Nickname</label>
            <input id="nickname" name="nickname" defaultValue={settings.pendingNickname ?? settings.nickname} maxLength={40} required className={inputClass}
              aria-invalid={Boolean(nicknameError)} aria-describedby="nickname-hint" />
            <FieldHint id="nickname-hint" error={nicknameError}
              hint={settings.pendingNickname
                ? <span data-testid="nickname-under-review">Under review: “{settings.pendingNickname}” waits for the owner&apos;s approval. Buyers see “{settings.nickname}”.</span>
                : "Shown to buyers in the chat."} />
          </div>
          <div>
            <label htmlFor="defaultLanguage" className={labelClass}>Default language</label>
            <select id="defaultLanguage" name="defaultLanguage" defaultValue={settings.defaultLanguage} className={inputClass} aria-describedby="language-hint">
              {LANGUAGES.map((language) => <option key={language.code} value={language.code}>{language.label}</option>)}
            </select>
            <FieldHint id="language-hint" error={fieldError(error, "defaultLanguage")} hint="The language you read and write chats in." />
          </div>
          <div>
            <label htmlFor="email" className={labelClass}>Email</label>
            <input id="email" value={settings.email} readOnly disabled className={inputClass} aria-describedby="email-hint" />
            <FieldHint id="email-hint" hint="Your email identifies your account and cannot be changed here." />
          </div>
          {error && !nicknameError && <Notice tone="error">{error.message}</Notice>}
          {saved && <Notice tone="success" testId="personal-saved">{saved}</Notice>}
          <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? "Saving…" : "Save"}</button>
        </form>
      </SettingsSection>
    </div>
  );
}

function AvatarSection(props: { settings: PersonalSettingsDto; onChange: (settings: PersonalSettingsDto) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    // Checked again on the server by the file's content; this only saves a pointless upload.
    if (file.size > AVATAR_MAX_BYTES) return setError("Use an image of 2 MB or less.");
    const form = new FormData();
    form.set("avatar", file);
    setIsBusy(true);
    const result = await callApi<PersonalSettingsDto>("/api/me/avatar", { method: "POST", formData: form });
    setIsBusy(false);
    if (!result.ok) return setError(result.error.fieldErrors?.avatar?.[0] ?? result.error.message);
    props.onChange(result.data);
  }

  async function remove() {
    setIsBusy(true);
    const result = await callApi<PersonalSettingsDto>("/api/me/avatar", { method: "DELETE" });
    setIsBusy(false);
    if (!result.ok) return setError(result.error.message);
    props.onChange(result.data);
  }

  return (
    <SettingsSection title="Avatar" description="PNG, JPEG, WebP or GIF, up to 2 MB. Buyers see it next to your messages.">
      <div className="flex items-center gap-4">
        <Avatar nickname={props.settings.nickname} avatarUrl={props.settings.avatarUrl} size="lg" />
        <div className="flex flex-wrap gap-2">
          <label className={`${secondaryButtonClass} cursor-pointer focus-within:outline focus-within:outline-2 focus-within:outline-brand-500`}>
            {isBusy ? "Uploading…" : "Upload a new avatar"}
            <input ref={input} type="file" accept={AVATAR_TYPES.join(",")} className="sr-only" onChange={(event) => void upload(event)} disabled={isBusy} />
          </label>
          {props.settings.avatarUrl && <button type="button" className={secondaryButtonClass} onClick={() => void remove()} disabled={isBusy}>Remove avatar</button>}
        </div>
      </div>
      {error && <div className="mt-3"><Notice tone="error">{error}</Notice></div>}
    </SettingsSection>
  );
}
