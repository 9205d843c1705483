// SET-2, CONSOLE-8: how the console tells a member about an event, chosen per event.
//
// Three channels (a chime, a desktop notification, the count in the tab title) and four events.
// The flat `sound`, `desktop` and `badge` switches are the channels' master switches (the shape
// older versions stored and the API still accepts on its own); `events` refines them per event.
// A channel fires for an event only when both its master switch and the event's switch are on,
// so turning "Sound" off silences everything at once without losing the per-event choices.

export const NOTIFICATION_EVENTS = ["chat_assigned", "buyer_message", "transfer_to_me", "due_soon"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ["sound", "desktop", "badge"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type NotificationChannels = Record<NotificationChannel, boolean>;

export interface NotificationPrefs extends NotificationChannels {
  events: Record<NotificationEvent, NotificationChannels>;
}

/** What a member asks for: the master switches, and any per-event switches to change. */
export interface NotificationPrefsUpdate extends NotificationChannels {
  events?: Partial<Record<NotificationEvent, Partial<NotificationChannels>>>;
}

const ALL_ON: NotificationChannels = { sound: true, desktop: true, badge: true };

export function defaultNotificationPrefs(): NotificationPrefs {
  return {
    ...ALL_ON,
    events: Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, { ...ALL_ON }])) as NotificationPrefs["events"],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readChannels(stored: unknown, fallback: NotificationChannels): NotificationChannels {
  const record = isRecord(stored) ? stored : {};
  const channel = (name: NotificationChannel) => (typeof record[name] === "boolean" ? (record[name] as boolean) : fallback[name]);
  return { sound: channel("sound"), desktop: channel("desktop"), badge: channel("badge") };
}

/**
 * Reads what is stored, whatever its age: a missing or malformed switch takes its default (on),
 * unknown keys are ignored. Never throws.
 */
export function readNotificationPrefs(stored: unknown): NotificationPrefs {
  const record = isRecord(stored) ? stored : {};
  const events = isRecord(record.events) ? record.events : {};
  return {
    ...readChannels(record, ALL_ON),
    events: Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, readChannels(events[event], ALL_ON)])) as NotificationPrefs["events"],
  };
}

/** The master switches are replaced; per-event switches not named keep their current value. */
export function applyNotificationPrefsUpdate(current: NotificationPrefs, update: NotificationPrefsUpdate): NotificationPrefs {
  const events = { ...current.events };
  for (const event of NOTIFICATION_EVENTS) {
    const change = update.events?.[event];
    if (change) events[event] = { ...events[event], ...Object.fromEntries(Object.entries(change).filter(([, value]) => typeof value === "boolean")) };
  }
  return { sound: update.sound, desktop: update.desktop, badge: update.badge, events };
}

/** The channels that fire for one event: the master switch and the event's switch both on. */
export function channelsFor(prefs: NotificationPrefs, event: NotificationEvent): NotificationChannels {
  const own = prefs.events[event];
  return { sound: prefs.sound && own.sound, desktop: prefs.desktop && own.desktop, badge: prefs.badge && own.badge };
}

/** Whether any event uses a channel: the console asks for desktop permission only then. */
export function usesChannel(prefs: NotificationPrefs, channel: NotificationChannel): boolean {
  return NOTIFICATION_EVENTS.some((event) => channelsFor(prefs, event)[channel]);
}
