"use client";

// SET-3: the shop-wide translation default: off, auto-detect the buyer's language, or a chosen
// pair. Agents see it read-only (TEAM-1). With no engine configured the section says translation
// is off for this deployment and offers nothing to change.
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { languageName, type ShopTranslationSettingsDto, type TShopTranslationSettings } from "@/shared/translation";
import { callApi, fieldError, type ApiError } from "./api";
import { useErrorText } from "./automation/error-text";
import { FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass } from "./ui";

export function TranslationSettingsForm({ initial, canEdit }: { initial: ShopTranslationSettingsDto; canEdit: boolean }) {
  const [settings, setSettings] = useState(initial);
  const [mode, setMode] = useState<TShopTranslationSettings["mode"]>(initial.setting.mode);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const t = useTranslations("automation.translation");
  const locale = useLocale();
  const errorText = useErrorText();
  const title = t("title");
  /** A language's name in the reader's language (Intl's names), English as before. */
  const nameOf = (code: string): string => {
    if (locale === "en") return languageName(code);
    try {
      const name = new Intl.DisplayNames([locale], { type: "language" }).of(code);
      return name && name !== code ? name[0]!.toLocaleUpperCase(locale) + name.slice(1) : languageName(code);
    } catch {
      return languageName(code);
    }
  };

  if (!settings.engine) {
    return (
      <SettingsSection title={title} headingId="section-translation" description={t("offDescription")}>
        <p className="text-sm text-slate-600" data-testid="translation-off">{t("off", { variable: "TRANSLATION_ENGINE" })}</p>
      </SettingsSection>
    );
  }

  const languages = [...new Set(settings.pairs.flatMap((pair) => [pair.from, pair.to]))].sort();
  const pair = settings.setting.mode === "pair" ? settings.setting : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const setting: TShopTranslationSettings = mode === "pair"
      ? { mode, buyerLanguage: String(form.get("buyerLanguage") ?? ""), agentLanguage: String(form.get("agentLanguage") ?? "") }
      : { mode };
    setSaved(false);
    setError(null);
    setIsSaving(true);
    const result = await callApi<ShopTranslationSettingsDto>("/api/settings/translation", { method: "PUT", json: setting });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setSettings(result.data);
    setSaved(true);
  }

  return (
    <SettingsSection title={title} headingId="section-translation" description={t("description", { engine: settings.engine })}>
      <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" aria-label={t("formLabel")}>
        <fieldset disabled={!canEdit || isSaving} className="space-y-2">
          <legend className={labelClass}>{t("default")}</legend>
          {([
            ["off", t("modes.off")],
            ["auto", t("modes.auto")],
            ["pair", t("modes.pair")],
          ] as const).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {mode === "pair" && (
          <div className="flex gap-4">
            {([["buyerLanguage", t("buyersWrite"), pair?.buyerLanguage ?? "es"], ["agentLanguage", t("agentsWrite"), pair?.agentLanguage ?? "en"]] as const).map(([name, label, value]) => (
              <div key={name}>
                <label htmlFor={`translation-${name}`} className={labelClass}>{label}</label>
                <select id={`translation-${name}`} name={name} defaultValue={value} disabled={!canEdit || isSaving} className={inputClass} aria-describedby={fieldError(error, name) ? `translation-${name}-hint` : undefined}>
                  {(languages.length > 0 ? languages : [value]).map((code) => <option key={code} value={code}>{nameOf(code)}</option>)}
                </select>
                <FieldHint id={`translation-${name}-hint`} error={fieldError(error, name)} />
              </div>
            ))}
          </div>
        )}
        {error && <Notice tone="error">{errorText(error)}</Notice>}
        {saved && <Notice tone="success" testId="translation-saved">{t("saved")}</Notice>}
        {canEdit && <button type="submit" className={primaryButtonClass} disabled={isSaving}>{t("save")}</button>}
      </form>
    </SettingsSection>
  );
}
