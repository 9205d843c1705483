"use client";

// SET-6: shop settings. Agents see them read-only (TEAM-1); owners and admins edit them.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ZShopSettingsSchema, type ShopSettingsDto } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";
import { MAX_OFFLINE_MESSAGE_LENGTH } from "@/core/widget/availability";
import { callApi, type ApiError } from "./api";
import { useErrorTexts } from "./error-text";
import { FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass } from "./ui";

export function ShopSettingsForm({ initial, canEdit }: { initial: ShopSettingsDto; canEdit: boolean }) {
  const t = useTranslations("settings.shop");
  const errorTexts = useErrorTexts();
  const fieldError = errorTexts.fieldOf;
  const [settings, setSettings] = useState(initial);
  const [isAutoSendOn, setIsAutoSendOn] = useState(initial.autoSendThreshold !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const numberOf = (name: string) => {
      const raw = String(form.get(name) ?? "").trim();
      return raw === "" ? Number.NaN : Number(raw);
    };
    const input = {
      dueSoonThresholdMinutes: numberOf("dueSoonThresholdMinutes"),
      autoSendThreshold: isAutoSendOn ? numberOf("autoSendThreshold") : null,
      reviewWords: String(form.get("reviewWords") ?? "").split("\n").map((word) => word.trim()).filter(Boolean),
      allowedOrigins: String(form.get("allowedOrigins") ?? "").split("\n").map((origin) => origin.trim()).filter(Boolean),
      offlineMessage: String(form.get("offlineMessage") ?? ""),
    };
    setSaved(false);
    const parsed = ZShopSettingsSchema.safeParse(input);
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<ShopSettingsDto>("/api/team/shop-settings", { method: "PUT", json: input });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setSettings(result.data);
    setSaved(true);
  }

  const firstErrorUnder = (prefix: string) => {
    const text = Object.entries(error?.fieldErrors ?? {}).find(([key]) => key.startsWith(prefix))?.[1]?.[0];
    return text === undefined ? undefined : errorTexts.field(text);
  };
  const reviewWordsError = firstErrorUnder("reviewWords");
  const allowedOriginsError = firstErrorUnder("allowedOrigins");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" key={JSON.stringify(settings)}>
      {!canEdit && <Notice tone="info">{t("readOnly")}</Notice>}
      <fieldset disabled={!canEdit} className="space-y-6">
        <SettingsSection title={t("serviceLevels")} headingId="section-service-levels" description={t("serviceLevelsDescription")}>
          <div className="max-w-xs">
            <label htmlFor="dueSoonThresholdMinutes" className={labelClass}>{t("dueSoon")}</label>
            <input id="dueSoonThresholdMinutes" name="dueSoonThresholdMinutes" type="number" min={1} max={1439} step={1} defaultValue={settings.dueSoonThresholdMinutes}
              className={inputClass} aria-invalid={Boolean(fieldError(error, "dueSoonThresholdMinutes"))} aria-describedby="due-soon-hint" />
            <FieldHint id="due-soon-hint" error={fieldError(error, "dueSoonThresholdMinutes")} hint={t("dueSoonHint")} />
          </div>
        </SettingsSection>

        <SettingsSection title={t("greeting")} headingId="section-greeting" description={t("greetingDescription")}>
          <p className="text-sm text-slate-600">
            {t.rich("greetingText", {
              state: settings.greetingEnabled ? t("greetingOn") : t("greetingOff"),
              link: (chunks) => <a href="/settings/automation/greeting" className="font-medium text-brand-700 underline">{chunks}</a>,
            })}
          </p>
        </SettingsSection>

        <SettingsSection title={t("offline")} headingId="section-when-no-one-is-online" description={t("offlineDescription")}>
          <label htmlFor="offlineMessage" className={labelClass}>{t("offlineMessage")}</label>
          <textarea id="offlineMessage" name="offlineMessage" rows={2} maxLength={MAX_OFFLINE_MESSAGE_LENGTH} defaultValue={settings.offlineMessage}
            className={inputClass} aria-invalid={Boolean(fieldError(error, "offlineMessage"))} aria-describedby="offline-message-hint" />
          <FieldHint id="offline-message-hint" error={fieldError(error, "offlineMessage")} hint={t("offlineHint", { max: MAX_OFFLINE_MESSAGE_LENGTH })} />
        </SettingsSection>

        <SettingsSection title={t("recommendations")} headingId="section-reply-recommendations" description={t("recommendationsDescription")}>
          <label className="flex items-center gap-3 text-sm">
            <input type="checkbox" checked={isAutoSendOn} onChange={(event) => setIsAutoSendOn(event.target.checked)} />
            {t("autoSend")}
          </label>
          <div className="mt-3 max-w-xs">
            <label htmlFor="autoSendThreshold" className={labelClass}>{t("autoSendThreshold")}</label>
            <input id="autoSendThreshold" name="autoSendThreshold" type="number" min={0} max={1} step={0.01} defaultValue={settings.autoSendThreshold ?? 0.9}
              disabled={!canEdit || !isAutoSendOn} className={inputClass} aria-invalid={Boolean(fieldError(error, "autoSendThreshold"))} aria-describedby="auto-send-hint" />
            <FieldHint id="auto-send-hint" error={fieldError(error, "autoSendThreshold")} hint={t("autoSendHint")} />
          </div>
        </SettingsSection>

        <SettingsSection title={t("reviewList")} headingId="section-nickname-review-list" description={t("reviewListDescription")}>
          <label htmlFor="reviewWords" className={labelClass}>{t("reviewWords")}</label>
          <textarea id="reviewWords" name="reviewWords" rows={5} defaultValue={settings.reviewWords.join("\n")} className={inputClass}
            aria-invalid={Boolean(reviewWordsError)} aria-describedby="review-words-hint" />
          <FieldHint id="review-words-hint" error={reviewWordsError} hint={t("reviewWordsHint")} />
        </SettingsSection>

        <SettingsSection title={t("origins")} headingId="section-websites-that-show-the-chat" description={t("originsDescription")}>
          <label htmlFor="allowedOrigins" className={labelClass}>{t("originsLabel")}</label>
          <textarea id="allowedOrigins" name="allowedOrigins" rows={3} defaultValue={settings.allowedOrigins.join("\n")} className={inputClass}
            aria-invalid={Boolean(allowedOriginsError)} aria-describedby="allowed-origins-hint" />
          <FieldHint id="allowed-origins-hint" error={allowedOriginsError} hint={t("originsHint")} />
        </SettingsSection>
      </fieldset>
      {error && <Notice tone="error">{errorTexts.message(error)}</Notice>}
      {saved && <Notice tone="success" testId="shop-settings-saved">{t("saved")}</Notice>}
      {canEdit && <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? t("saving") : t("save")}</button>}
    </form>
  );
}
