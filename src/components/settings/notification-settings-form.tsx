"use client";

// SET-2, CONSOLE-8: sound, desktop notification and tab badge, as master switches and per event
// (src/core/notifications/prefs.ts). Each switch saves at once and reverts with an explanation
// if the save fails.
import { useState } from "react";
import { NOTIFICATION_EVENTS, usesChannel, type NotificationChannel, type NotificationEvent } from "@/core/notifications/prefs";
import type { PersonalSettingsDto, TNotificationPrefs, TNotificationPrefsUpdate } from "@/shared/team";
import { callApi } from "./api";
import { Notice, SettingsSection, Switch } from "./ui";

const CHANNELS: Array<{ key: NotificationChannel; label: string; column: string; description: string }> = [
  { key: "sound", label: "Sound", column: "Sound", description: "Play a short chime." },
  { key: "desktop", label: "Desktop notifications", column: "Desktop", description: "Show a system notification while the console is in the background." },
  { key: "badge", label: "Tab badge", column: "Tab badge", description: "Count it in the browser tab's title until you open the chat." },
];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, { label: string; description: string }> = {
  chat_assigned: { label: "New chat assigned to me", description: "A chat is assigned to you, by routing or by a colleague." },
  buyer_message: { label: "New buyer message", description: "A buyer writes in a chat you can see that is not open in front of you." },
  transfer_to_me: { label: "Chat transferred to me", description: "A colleague hands a chat on to you." },
  due_soon: { label: "Chat due soon", description: "One of your chats enters the due-soon window of the reply deadline." },
};

function masterOf(prefs: TNotificationPrefs): TNotificationPrefsUpdate {
  return { sound: prefs.sound, desktop: prefs.desktop, badge: prefs.badge };
}

export function NotificationSettingsForm({ initial }: { initial: TNotificationPrefs }) {
  const [prefs, setPrefs] = useState(initial);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);

  async function save(next: TNotificationPrefs, update: TNotificationPrefsUpdate, turnsDesktopOn: boolean) {
    const previous = prefs;
    setPrefs(next);
    const result = await callApi<PersonalSettingsDto>("/api/me/notifications", { method: "PUT", json: update });
    if (!result.ok) {
      setPrefs(previous);
      return setMessage({ tone: "error", text: result.error.message });
    }
    setPrefs(result.data.notificationPrefs);
    if (turnsDesktopOn && typeof Notification !== "undefined" && Notification.permission !== "granted") {
      const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
      if (permission !== "granted") {
        return setMessage({ tone: "warning", text: "Saved, but this browser blocks notifications from Counterpart. Allow them in the browser's site settings." });
      }
    }
    setMessage({ tone: "success", text: "Notification settings saved." });
  }

  function toggleMaster(channel: NotificationChannel, value: boolean) {
    const next = { ...prefs, [channel]: value };
    void save(next, masterOf(next), channel === "desktop" && value && usesChannel(next, "desktop"));
  }

  function toggleEvent(event: NotificationEvent, channel: NotificationChannel, value: boolean) {
    const next = { ...prefs, events: { ...prefs.events, [event]: { ...prefs.events[event], [channel]: value } } };
    void save(next, { ...masterOf(prefs), events: { [event]: { [channel]: value } } }, channel === "desktop" && value && usesChannel(next, "desktop"));
  }

  return (
    <>
      <SettingsSection title="Notifications" description="How the console tells you about new chats and messages, on this and every other device you sign in on.">
        <ul className="divide-y divide-slate-100">
          {CHANNELS.map((option) => (
            <li key={option.key} className="flex items-start justify-between gap-6 py-3">
              <div>
                <p className="text-sm font-medium text-slate-800">{option.label}</p>
                <p id={`notify-${option.key}-hint`} className="text-sm text-slate-500">{option.description} Turning it off turns it off for every event below.</p>
              </div>
              <Switch checked={prefs[option.key]} label={option.label} describedBy={`notify-${option.key}-hint`} onChange={(value) => toggleMaster(option.key, value)} />
            </li>
          ))}
        </ul>
      </SettingsSection>
      <SettingsSection title="Per event" description="Choose, for each kind of event, which of the above it uses.">
        <table className="w-full text-sm">
          <caption className="sr-only">Notifications per event</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 font-medium">Event</th>
              {CHANNELS.map((channel) => <th key={channel.key} scope="col" className="w-24 py-2 text-center font-medium">{channel.column}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {NOTIFICATION_EVENTS.map((event) => (
              <tr key={event}>
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <span className="block font-medium text-slate-800">{NOTIFICATION_EVENT_LABELS[event].label}</span>
                  <span className="block text-slate-500">{NOTIFICATION_EVENT_LABELS[event].description}</span>
                </th>
                {CHANNELS.map((channel) => (
                  <td key={channel.key} className="py-3 text-center">
                    <span className="inline-flex">
                      <Switch
                        checked={prefs.events[event][channel.key]}
                        disabled={!prefs[channel.key]}
                        label={`${channel.label}: ${NOTIFICATION_EVENT_LABELS[event].label}`}
                        onChange={(value) => toggleEvent(event, channel.key, value)}
                      />
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </SettingsSection>
      {message && <div className="mt-3"><Notice tone={message.tone}>{message.text}</Notice></div>}
    </>
  );
}
