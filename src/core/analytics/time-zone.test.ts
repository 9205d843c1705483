import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayRange, daysOf, isValidTimeZone, localDayOf, presetRange, previousRange, startOfLocalDay } from "./time-zone";

const utc = (iso: string) => Date.parse(iso);

describe("ANALYTICS-4: shop days in the shop's time zone", () => {
  it.each([
    ["2026-03-01T16:59:59.999Z", "Asia/Jakarta", "2026-03-01"],
    ["2026-03-01T17:00:00.000Z", "Asia/Jakarta", "2026-03-02"],
    ["2026-03-02T04:59:59.999Z", "America/New_York", "2026-03-01"],
    ["2026-03-02T05:00:00.000Z", "America/New_York", "2026-03-02"],
    ["2026-06-30T23:59:59.999Z", "UTC", "2026-06-30"],
    ["2026-01-01T10:30:00.000Z", "Asia/Kathmandu", "2026-01-01"],
  ])("%s in %s is %s", (instant, zone, day) => {
    expect(localDayOf(utc(instant), zone)).toBe(day);
  });

  it.each([
    ["2026-03-02", "Asia/Jakarta", "2026-03-01T17:00:00.000Z"],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"], // DST starts at 02:00 that day
    ["2026-03-09", "America/New_York", "2026-03-09T04:00:00.000Z"],
    ["2026-11-01", "America/New_York", "2026-11-01T04:00:00.000Z"], // DST ends at 02:00 that day
    ["2026-11-02", "America/New_York", "2026-11-02T05:00:00.000Z"],
    ["2026-03-29", "Europe/Berlin", "2026-03-28T23:00:00.000Z"],
    ["2026-01-01", "Asia/Kathmandu", "2025-12-31T18:15:00.000Z"],
    // Santiago skips local midnight when DST starts (2026-09-06): the day starts at 01:00.
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
  ])("%s starts at %s in %s", (day, zone, instant) => {
    expect(new Date(startOfLocalDay(day, zone)).toISOString()).toBe(new Date(utc(instant)).toISOString());
  });

  it("a DST day is 23 or 25 hours long and the range covers it exactly", () => {
    const spring = dayRange("2026-03-08", "2026-03-08", "America/New_York");
    const autumn = dayRange("2026-11-01", "2026-11-01", "America/New_York");
    expect(spring.toMs - spring.fromMs).toBe(23 * 3_600_000);
    expect(autumn.toMs - autumn.fromMs).toBe(25 * 3_600_000);
  });

  it("presets end today and the previous period has the same length", () => {
    const now = utc("2026-03-10T20:00:00Z"); // 2026-03-11 03:00 in Jakarta
    const week = presetRange("7d", now, "Asia/Jakarta");
    expect([week.firstDay, week.lastDay]).toEqual(["2026-03-05", "2026-03-11"]);
    expect(daysOf(presetRange("30d", now, "Asia/Jakarta"))).toHaveLength(30);
    expect(presetRange("today", now, "UTC")).toMatchObject({ firstDay: "2026-03-10", lastDay: "2026-03-10" });
    const before = previousRange(week, "Asia/Jakarta");
    expect([before.firstDay, before.lastDay]).toEqual(["2026-02-26", "2026-03-04"]);
    expect(before.toMs).toBe(week.fromMs);
  });

  it("refuses a range that ends before it starts and knows valid zones", () => {
    expect(() => dayRange("2026-03-02", "2026-03-01", "UTC")).toThrow(RangeError);
    expect(isValidTimeZone("Asia/Jakarta")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  const zones = ["UTC", "Asia/Jakarta", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu", "Pacific/Chatham"];

  it("property: every instant lies in the day that localDayOf names, and days tile time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: utc("2020-01-01T00:00:00Z"), max: utc("2030-12-31T00:00:00Z") }), (zone, ms) => {
        const day = localDayOf(ms, zone);
        const start = startOfLocalDay(day, zone);
        const next = startOfLocalDay(addDays(day, 1), zone);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(next);
        expect(localDayOf(start, zone)).toBe(day);
        expect(localDayOf(start - 1, zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 300 },
    );
  });
});
