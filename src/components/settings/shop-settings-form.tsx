"use client";

// SET-6: shop settings. Agents see them read-only (TEAM-1); owners and admins edit them.
import { useState, type FormEvent } from "react";
import { ZShopSettingsSchema, type ShopSettingsDto } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";
import { MAX_OFFLINE_MESSAGE_LENGTH } from "@/core/widget/availability";
import { callApi, fieldError, type ApiError } from "./api";
import { FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass } from "./ui";

export function ShopSettingsForm({ initial, canEdit }: { initial: ShopSettingsDto; canEdit: boolean }) {
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

  const reviewWordsError = Object.entries(error?.fieldErrors ?? {}).find(([key]) => key.startsWith("reviewWords"))?.[1]?.[0];
  const allowedOriginsError = Object.entries(error?.fieldErrors ?? {}).find(([key]) => key.startsWith("allowedOrigins"))?.[1]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" key={JSON.stringify(settings)}>
      {!canEdit && <Notice tone="info">You can view the shop settings. Only the owner and admins can change them.</Notice>}
      <fieldset disabled={!canEdit} className="space-y-6">
        <SettingsSection title="Service levels" description="A chat is overdue when the oldest unanswered buyer message is older than 24 hours.">
          <div className="max-w-xs">
            <label htmlFor="dueSoonThresholdMinutes" className={labelClass}>Due soon threshold (minutes)</label>
            <input id="dueSoonThresholdMinutes" name="dueSoonThresholdMinutes" type="number" min={1} max={1439} step={1} defaultValue={settings.dueSoonThresholdMinutes}
              className={inputClass} aria-invalid={Boolean(fieldError(error, "dueSoonThresholdMinutes"))} aria-describedby="due-soon-hint" />
            <FieldHint id="due-soon-hint" error={fieldError(error, "dueSoonThresholdMinutes")} hint="A chat is due soon when less than this is left of its 24 hours. Default 240 (4 hours)." />
          </div>
        </SettingsSection>

        <SettingsSection title="Greeting" description="Sent automatically when a buyer starts a chat.">
          <p className="text-sm text-slate-600">
            {settings.greetingEnabled ? "On" : "Off"}. The greeting, its variables and how often a returning buyer is greeted are set under{" "}
            <a href="/settings/automation/greeting" className="font-medium text-brand-700 underline">Automation → Greeting</a>.
          </p>
        </SettingsSection>

        <SettingsSection title="When no one is online" description="The chat widget says whether an agent is online. When no one is, buyers read this message, followed by: “Leave a message and we'll reply here when we're back.”">
          <label htmlFor="offlineMessage" className={labelClass}>Offline message</label>
          <textarea id="offlineMessage" name="offlineMessage" rows={2} maxLength={MAX_OFFLINE_MESSAGE_LENGTH} defaultValue={settings.offlineMessage}
            className={inputClass} aria-invalid={Boolean(fieldError(error, "offlineMessage"))} aria-describedby="offline-message-hint" />
          <FieldHint id="offline-message-hint" error={fieldError(error, "offlineMessage")} hint={`For example your opening hours: “We're back Monday to Friday, 9:00–17:00.” At most ${MAX_OFFLINE_MESSAGE_LENGTH} characters.`} />
        </SettingsSection>

        <SettingsSection title="Reply recommendations" description="Recommended answers come from the FAQ library with a score from 0 to 1.">
          <label className="flex items-center gap-3 text-sm">
            <input type="checkbox" checked={isAutoSendOn} onChange={(event) => setIsAutoSendOn(event.target.checked)} />
            Send the best answer automatically when its score is high enough
          </label>
          <div className="mt-3 max-w-xs">
            <label htmlFor="autoSendThreshold" className={labelClass}>Auto-send threshold</label>
            <input id="autoSendThreshold" name="autoSendThreshold" type="number" min={0} max={1} step={0.01} defaultValue={settings.autoSendThreshold ?? 0.9}
              disabled={!canEdit || !isAutoSendOn} className={inputClass} aria-invalid={Boolean(fieldError(error, "autoSendThreshold"))} aria-describedby="auto-send-hint" />
            <FieldHint id="auto-send-hint" error={fieldError(error, "autoSendThreshold")} hint="From 0 to 1. Answers sent this way are marked as automatic." />
          </div>
        </SettingsSection>

        <SettingsSection title="Nickname review list" description="A member's new nickname containing one of these words (any letter case) waits for the owner's approval; buyers keep seeing the old one meanwhile.">
          <label htmlFor="reviewWords" className={labelClass}>Words and phrases, one per line</label>
          <textarea id="reviewWords" name="reviewWords" rows={5} defaultValue={settings.reviewWords.join("\n")} className={inputClass}
            aria-invalid={Boolean(reviewWordsError)} aria-describedby="review-words-hint" />
          <FieldHint id="review-words-hint" error={reviewWordsError} hint="For example: official, admin, support team." />
        </SettingsSection>

        <SettingsSection title="Websites that show the chat" description="The chat widget can be embedded only on these storefront origins. Leave it empty to allow any website.">
          <label htmlFor="allowedOrigins" className={labelClass}>Origins, one per line</label>
          <textarea id="allowedOrigins" name="allowedOrigins" rows={3} defaultValue={settings.allowedOrigins.join("\n")} className={inputClass}
            aria-invalid={Boolean(allowedOriginsError)} aria-describedby="allowed-origins-hint" />
          <FieldHint id="allowed-origins-hint" error={allowedOriginsError} hint="Scheme and host, for example https://shop.example or https://www.shop.example:8443 (no path)." />
        </SettingsSection>
      </fieldset>
      {error && <Notice tone="error">{error.message}</Notice>}
      {saved && <Notice tone="success" testId="shop-settings-saved">Shop settings saved.</Notice>}
      {canEdit && <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? "Saving…" : "Save shop settings"}</button>}
    </form>
  );
}
