"use client";

// SET-2, CONSOLE-8: sound, desktop notification and tab badge for new chats and messages.
// Each switch saves at once and reverts with an explanation if the save fails.
import { useState } from "react";
import type { PersonalSettingsDto, TNotificationPrefs } from "@/shared/team";
import { callApi } from "./api";
import { Notice, SettingsSection, Switch } from "./ui";

const OPTIONS: Array<{ key: keyof TNotificationPrefs; label: string; description: string }> = [
  { key: "sound", label: "Sound", description: "Play a sound when a chat is assigned to you or a buyer writes in one of your chats." },
  { key: "desktop", label: "Desktop notifications", description: "Show a system notification while the console is in the background." },
  { key: "badge", label: "Tab badge", description: "Show the number of unread chats in the browser tab's title." },
];

export function NotificationSettingsForm({ initial }: { initial: TNotificationPrefs }) {
  const [prefs, setPrefs] = useState(initial);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);

  async function toggle(key: keyof TNotificationPrefs, value: boolean) {
    const previous = prefs;
    const next = { ...prefs, [key]: value };
    setPrefs(next);
    const result = await callApi<PersonalSettingsDto>("/api/me/notifications", { method: "PUT", json: next });
    if (!result.ok) {
      setPrefs(previous);
      return setMessage({ tone: "error", text: result.error.message });
    }
    setPrefs(result.data.notificationPrefs);
    if (key === "desktop" && value && typeof Notification !== "undefined" && Notification.permission !== "granted") {
      const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
      if (permission !== "granted") {
        return setMessage({ tone: "warning", text: "Saved, but this browser blocks notifications from Counterpart. Allow them in the browser's site settings." });
      }
    }
    setMessage({ tone: "success", text: "Notification settings saved." });
  }

  return (
    <SettingsSection title="Notifications" description="How the console tells you about new chats and messages, on this and every other device you sign in on.">
      <ul className="divide-y divide-slate-100">
        {OPTIONS.map((option) => (
          <li key={option.key} className="flex items-start justify-between gap-6 py-3">
            <div>
              <p className="text-sm font-medium text-slate-800">{option.label}</p>
              <p id={`notify-${option.key}-hint`} className="text-sm text-slate-500">{option.description}</p>
            </div>
            <Switch checked={prefs[option.key]} label={option.label} describedBy={`notify-${option.key}-hint`} onChange={(value) => void toggle(option.key, value)} />
          </li>
        ))}
      </ul>
      {message && <div className="mt-3"><Notice tone={message.tone}>{message.text}</Notice></div>}
    </SettingsSection>
  );
}
