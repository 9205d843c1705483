"use client";

// AUTO-5: the chatbot's on/off switch. Saved at once; switching off hands the bot's open chats
// to people (the server does it, with a note to each buyer).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi, type ApiError } from "../api";
import { Notice, SettingsSection, Switch } from "../ui";
import { useErrorText } from "./error-text";

export function ChatbotSwitch({ initial }: { initial: { enabled: boolean } }) {
  const t = useTranslations("automation.chatbot");
  const errorText = useErrorText();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onChange(next: boolean) {
    setIsSaving(true);
    setError(null);
    const result = await callApi<{ enabled: boolean }>("/api/settings/automation/chatbot", { method: "PUT", json: { enabled: next } });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setEnabled(result.data.enabled);
  }

  return (
    <SettingsSection title={t("title")} headingId="section-chatbot" description={t("description")}>
      <div className="flex items-center gap-3 text-sm">
        <Switch checked={enabled} label={t("switch")} onChange={(next) => void onChange(next)} disabled={isSaving} />
        <span data-testid="chatbot-state">{enabled ? t("on") : t("off")}</span>
      </div>
      {error && <div className="mt-3"><Notice tone="error">{errorText(error)}</Notice></div>}
    </SettingsSection>
  );
}
