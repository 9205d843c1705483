"use client";

// SET-2, CONSOLE-8: sound, desktop notification and tab badge, as master switches and per event
// (src/core/notifications/prefs.ts). Each switch saves at once and reverts with an explanation
// if the save fails.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { NOTIFICATION_EVENTS, usesChannel, type NotificationChannel, type NotificationEvent } from "@/core/notifications/prefs";
import type { PersonalSettingsDto, TNotificationPrefs, TNotificationPrefsUpdate } from "@/shared/team";
import { callApi } from "./api";
import { useErrorTexts } from "./error-text";
import { Notice, SettingsSection, Switch } from "./ui";

/** The channels in their order; their words are `settings.notifications.channels.<key>`. */
const CHANNELS: readonly NotificationChannel[] = ["sound", "desktop", "badge"];

function masterOf(prefs: TNotificationPrefs): TNotificationPrefsUpdate {
  return { sound: prefs.sound, desktop: prefs.desktop, badge: prefs.badge };
}

export function NotificationSettingsForm({ initial }: { initial: TNotificationPrefs }) {
  const t = useTranslations("settings.notifications");
  const errorTexts = useErrorTexts();
  const [prefs, setPrefs] = useState(initial);
  const channelText = (channel: NotificationChannel, part: "label" | "column" | "description") => t(`channels.${channel}.${part}`);
  const eventText = (event: NotificationEvent, part: "label" | "description") => t(`events.${event}.${part}`);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);

  async function save(next: TNotificationPrefs, update: TNotificationPrefsUpdate, turnsDesktopOn: boolean) {
    const previous = prefs;
    setPrefs(next);
    const result = await callApi<PersonalSettingsDto>("/api/me/notifications", { method: "PUT", json: update });
    if (!result.ok) {
      setPrefs(previous);
      return setMessage({ tone: "error", text: errorTexts.message(result.error) });
    }
    setPrefs(result.data.notificationPrefs);
    if (turnsDesktopOn && typeof Notification !== "undefined" && Notification.permission !== "granted") {
      const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
      if (permission !== "granted") {
        return setMessage({ tone: "warning", text: t("blocked") });
      }
    }
    setMessage({ tone: "success", text: t("saved") });
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
      <SettingsSection title={t("title")} headingId="section-notifications" description={t("description")}>
        <ul className="divide-y divide-slate-100">
          {CHANNELS.map((channel) => (
            <li key={channel} className="flex items-start justify-between gap-6 py-3">
              <div>
                <p className="text-sm font-medium text-slate-800">{channelText(channel, "label")}</p>
                <p id={`notify-${channel}-hint`} className="text-sm text-slate-500">{t("masterHint", { description: channelText(channel, "description") })}</p>
              </div>
              <Switch checked={prefs[channel]} label={channelText(channel, "label")} describedBy={`notify-${channel}-hint`} onChange={(value) => toggleMaster(channel, value)} />
            </li>
          ))}
        </ul>
      </SettingsSection>
      <SettingsSection title={t("perEvent")} headingId="section-per-event" description={t("perEventDescription")}>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 font-medium">{t("event")}</th>
              {CHANNELS.map((channel) => <th key={channel} scope="col" className="w-24 py-2 text-center font-medium">{channelText(channel, "column")}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {NOTIFICATION_EVENTS.map((event) => (
              <tr key={event}>
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <span className="block font-medium text-slate-800">{eventText(event, "label")}</span>
                  <span className="block text-slate-500">{eventText(event, "description")}</span>
                </th>
                {CHANNELS.map((channel) => (
                  <td key={channel} className="py-3 text-center">
                    <span className="inline-flex">
                      <Switch
                        checked={prefs.events[event][channel]}
                        disabled={!prefs[channel]}
                        label={t("switchLabel", { channel: channelText(channel, "label"), event: eventText(event, "label") })}
                        onChange={(value) => toggleEvent(event, channel, value)}
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
