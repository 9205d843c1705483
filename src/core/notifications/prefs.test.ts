import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  applyNotificationPrefsUpdate,
  channelsFor,
  defaultNotificationPrefs,
  readNotificationPrefs,
  usesChannel,
  type NotificationPrefs,
} from "./prefs";

const channels = fc.record({ sound: fc.boolean(), desktop: fc.boolean(), badge: fc.boolean() });
const prefs: fc.Arbitrary<NotificationPrefs> = fc.record({
  sound: fc.boolean(),
  desktop: fc.boolean(),
  badge: fc.boolean(),
  events: fc.record({ chat_assigned: channels, buyer_message: channels, transfer_to_me: channels, due_soon: channels }),
});

describe("SET-2 CONSOLE-8 notification preferences per event", () => {
  it("everything is on by default", () => {
    const defaults = defaultNotificationPrefs();
    for (const event of NOTIFICATION_EVENTS) expect(channelsFor(defaults, event)).toEqual({ sound: true, desktop: true, badge: true });
  });

  it.each([
    ["nothing stored", null],
    ["not an object", "loud"],
    ["an array", [true]],
    ["the old flat shape", { sound: false, desktop: true, badge: true }],
    ["a malformed switch", { sound: "yes", events: { due_soon: { badge: 1 } } }],
    ["unknown keys", { sound: true, volume: 11, events: { birthday: { sound: true } } }],
  ])("reads %s without throwing, every missing switch on", (_name, stored) => {
    const read = readNotificationPrefs(stored);
    expect(Object.keys(read.events).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
    for (const event of NOTIFICATION_EVENTS) for (const channel of NOTIFICATION_CHANNELS) expect(typeof read.events[event][channel]).toBe("boolean");
  });

  it("keeps the old flat switches as master switches", () => {
    const read = readNotificationPrefs({ sound: false, desktop: true, badge: false });
    expect(channelsFor(read, "buyer_message")).toEqual({ sound: false, desktop: true, badge: false });
    expect(read.events.buyer_message).toEqual({ sound: true, desktop: true, badge: true });
  });

  it("a channel fires only when its master switch and the event's switch are both on (property)", () => {
    fc.assert(fc.property(prefs, fc.constantFrom(...NOTIFICATION_EVENTS), (value, event) => {
      const fired = channelsFor(value, event);
      for (const channel of NOTIFICATION_CHANNELS) expect(fired[channel]).toBe(value[channel] && value.events[event][channel]);
    }));
  });

  it("reading what was written gives it back (property)", () => {
    fc.assert(fc.property(prefs, (value) => {
      expect(readNotificationPrefs(JSON.parse(JSON.stringify(value)))).toEqual(value);
    }));
  });

  it("an update replaces the master switches and only the per-event switches it names", () => {
    const current = defaultNotificationPrefs();
    const next = applyNotificationPrefsUpdate(current, { sound: true, desktop: false, badge: true, events: { due_soon: { sound: false } } });
    expect(next.desktop).toBe(false);
    expect(next.events.due_soon).toEqual({ sound: false, desktop: true, badge: true });
    expect(next.events.buyer_message).toEqual(current.events.buyer_message);
    expect(current.events.due_soon.sound).toBe(true);
  });

  it("an update without events keeps every per-event switch (property)", () => {
    fc.assert(fc.property(prefs, channels, (value, master) => {
      expect(applyNotificationPrefsUpdate(value, master).events).toEqual(value.events);
    }));
  });

  it("a channel is in use when some event fires on it", () => {
    const value = readNotificationPrefs({ desktop: true, events: Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, { desktop: false }])) });
    expect(usesChannel(value, "desktop")).toBe(false);
    expect(usesChannel({ ...value, events: { ...value.events, due_soon: { sound: true, desktop: true, badge: true } } }, "desktop")).toBe(true);
    expect(usesChannel({ ...value, desktop: false, events: defaultNotificationPrefs().events }, "desktop")).toBe(false);
  });
});
