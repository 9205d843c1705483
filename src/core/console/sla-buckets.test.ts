import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSlaStatus, nextSlaChangeAt } from "../sla/sla";
import { computeSlaBoundaries, nextCountChangeAt } from "./sla-buckets";

const HOUR = 3_600_000;
const NOW = new Date("2025-06-01T12:00:00.000Z");

function bucketOf(oldestUnansweredAt: Date, now: Date, threshold: number) {
  const { overdueBefore, dueSoonBefore } = computeSlaBoundaries(now, threshold);
  if (oldestUnansweredAt < overdueBefore) return "overdue";
  if (oldestUnansweredAt < dueSoonBefore) return "due_soon";
  return "on_time";
}

describe("CONSOLE-2 SLA boundaries", () => {
  it.each([
    { ageMs: 20 * HOUR, threshold: 240, expected: "on_time" },
    { ageMs: 20 * HOUR + 1, threshold: 240, expected: "due_soon" },
    { ageMs: 24 * HOUR, threshold: 240, expected: "due_soon" },
    { ageMs: 24 * HOUR + 1, threshold: 240, expected: "overdue" },
    { ageMs: 24 * HOUR, threshold: 0, expected: "on_time" },
    { ageMs: 1, threshold: 1440, expected: "due_soon" },
    { ageMs: 0, threshold: 5000, expected: "on_time" },
  ])("age $ageMs ms with threshold $threshold min is $expected", ({ ageMs, threshold, expected }) => {
    expect(bucketOf(new Date(NOW.getTime() - ageMs), NOW, threshold)).toBe(expected);
  });

  it("agrees with computeSlaStatus for every age and threshold (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -HOUR, max: 72 * HOUR }), fc.integer({ min: -60, max: 3000 }), (ageMs, threshold) => {
        const since = new Date(NOW.getTime() - ageMs);
        expect(bucketOf(since, NOW, threshold)).toBe(computeSlaStatus({ oldestUnansweredAt: since, now: NOW, dueSoonThresholdMinutes: threshold }));
      }),
      { numRuns: 2000 },
    );
  });

  it("the next count change is the earliest nextSlaChangeAt of the waiting chats (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * HOUR }), { maxLength: 12 }), fc.integer({ min: 0, max: 1440 }), (ages, threshold) => {
        const sinces = ages.map((ageMs) => new Date(NOW.getTime() - ageMs));
        const { windowMs } = computeSlaBoundaries(NOW, threshold);
        const onTime = sinces.filter((since) => bucketOf(since, NOW, threshold) === "on_time");
        const dueSoon = sinces.filter((since) => bucketOf(since, NOW, threshold) === "due_soon");
        const oldest = (dates: Date[]) => (dates.length === 0 ? null : new Date(Math.min(...dates.map((date) => date.getTime()))));
        const expected = sinces
          .map((since) => nextSlaChangeAt({ oldestUnansweredAt: since, now: NOW, dueSoonThresholdMinutes: threshold }))
          .filter((date): date is Date => date !== null)
          .reduce<number | null>((min, date) => (min === null ? date.getTime() : Math.min(min, date.getTime())), null);
        expect(nextCountChangeAt({ oldestOnTime: oldest(onTime), oldestDueSoon: oldest(dueSoon), windowMs })?.getTime() ?? null).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
