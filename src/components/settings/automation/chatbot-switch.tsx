"use client";

// AUTO-5: the chatbot's on/off switch. Saved at once; switching off hands the bot's open chats
// to people (the server does it, with a note to each buyer).
import { useState } from "react";
import { callApi, type ApiError } from "../api";
import { Notice, SettingsSection, Switch } from "../ui";

export function ChatbotSwitch({ initial }: { initial: { enabled: boolean } }) {
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
    <SettingsSection title="Chatbot" description="While on, a buyer's new chat starts with the bot. It answers general questions from the FAQ library and hands over to a person when asked, when it is not sure, or after two questions it could not answer. Its messages are marked automatic and never count as an agent's reply.">
      <div className="flex items-center gap-3 text-sm">
        <Switch checked={enabled} label="Chatbot" onChange={(next) => void onChange(next)} disabled={isSaving} />
        <span data-testid="chatbot-state">{enabled ? "On" : "Off"}</span>
      </div>
      {error && <div className="mt-3"><Notice tone="error">{error.message}</Notice></div>}
    </SettingsSection>
  );
}
