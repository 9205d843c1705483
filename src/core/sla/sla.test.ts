import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DUE_SOON_THRESHOLD_MINUTES,
  EXPIRE_AFTER_MS,
  OVERDUE_AFTER_MS,
  computeSlaStatus,
  expiresAt,
  isDueToExpire,
  nextSlaChangeAt,
  slaClockStart,
  type SlaClockSession,
  type SlaStatus,
} from "./sla";

const HOUR = 3_600_000;
const SINCE = new Date("2025-03-01T10:00:00.000Z");
const at = (ageMs: number) => new Date(SINCE.getTime() + ageMs);

describe("computeSlaStatus", () => {
  it("has the SPEC constants", () => {
    expect(OVERDUE_AFTER_MS).toBe(24 * HOUR);
    expect(EXPIRE_AFTER_MS).toBe(7 * 24 * HOUR);
    expect(DEFAULT_DUE_SOON_THRESHOLD_MINUTES).toBe(240);
  });

  it.each<{ name: string; ageMs: number | null; threshold: number; expected: SlaStatus }>([
    { name: "nothing unanswered", ageMs: null, threshold: 240, expected: "answered" },
    { name: "just received", ageMs: 0, threshold: 240, expected: "on_time" },
    { name: "message in the future (clock skew)", ageMs: -5_000, threshold: 240, expected: "on_time" },
    { name: "exactly 4 h left", ageMs: 20 * HOUR, threshold: 240, expected: "on_time" },
    { name: "4 h minus 1 ms left", ageMs: 20 * HOUR + 1, threshold: 240, expected: "due_soon" },
    { name: "1 ms left", ageMs: 24 * HOUR - 1, threshold: 240, expected: "due_soon" },
    { name: "exactly 24 h", ageMs: 24 * HOUR, threshold: 240, expected: "due_soon" },
    { name: "24 h + 1 ms", ageMs: 24 * HOUR + 1, threshold: 240, expected: "overdue" },
    { name: "6 days", ageMs: 6 * 24 * HOUR, threshold: 240, expected: "overdue" },
    { name: "threshold 60: exactly 1 h left", ageMs: 23 * HOUR, threshold: 60, expected: "on_time" },
    { name: "threshold 60: 1 h - 1 ms left", ageMs: 23 * HOUR + 1, threshold: 60, expected: "due_soon" },
    { name: "threshold 0: never due soon", ageMs: 24 * HOUR, threshold: 0, expected: "on_time" },
    { name: "threshold 0: overdue after 24 h", ageMs: 24 * HOUR + 1, threshold: 0, expected: "overdue" },
    { name: "negative threshold counts as 0", ageMs: 24 * HOUR, threshold: -30, expected: "on_time" },
    { name: "threshold 24 h: due soon at once", ageMs: 1, threshold: 1440, expected: "due_soon" },
    { name: "threshold above 24 h is clamped", ageMs: 0, threshold: 5000, expected: "on_time" },
  ])("CONSOLE-2 $name (threshold $threshold min) is $expected", ({ ageMs, threshold, expected }) => {
    const input = {
      oldestUnansweredAt: ageMs === null ? null : SINCE,
      now: at(ageMs ?? 0),
      dueSoonThresholdMinutes: threshold,
    };
    expect(computeSlaStatus(input)).toBe(expected);
  });

  it("refuses a NaN threshold instead of guessing", () => {
    expect(() =>
      computeSlaStatus({ oldestUnansweredAt: SINCE, now: SINCE, dueSoonThresholdMinutes: Number.NaN }),
    ).toThrow(/dueSoonThresholdMinutes/);
  });
});

describe("nextSlaChangeAt", () => {
  it.each<{ name: string; ageMs: number | null; threshold: number; expectedAgeMs: number | null }>([
    { name: "answered never changes", ageMs: null, threshold: 240, expectedAgeMs: null },
    { name: "on time changes when due soon starts", ageMs: 0, threshold: 240, expectedAgeMs: 20 * HOUR + 1 },
    { name: "on time at the edge", ageMs: 20 * HOUR, threshold: 240, expectedAgeMs: 20 * HOUR + 1 },
    { name: "due soon changes when overdue", ageMs: 20 * HOUR + 1, threshold: 240, expectedAgeMs: 24 * HOUR + 1 },
    { name: "due soon at exactly 24 h", ageMs: 24 * HOUR, threshold: 240, expectedAgeMs: 24 * HOUR + 1 },
    { name: "threshold 0 goes straight to overdue", ageMs: 0, threshold: 0, expectedAgeMs: 24 * HOUR + 1 },
    { name: "overdue does not change by time", ageMs: 24 * HOUR + 1, threshold: 240, expectedAgeMs: null },
  ])("CONSOLE-2 $name", ({ ageMs, threshold, expectedAgeMs }) => {
    const next = nextSlaChangeAt({
      oldestUnansweredAt: ageMs === null ? null : SINCE,
      now: at(ageMs ?? 0),
      dueSoonThresholdMinutes: threshold,
    });
    expect(next).toEqual(expectedAgeMs === null ? null : at(expectedAgeMs));
  });
});

describe("expiry", () => {
  it.each([
    { name: "no unanswered message", ageMs: null, expected: false },
    { name: "6 days", ageMs: 6 * 24 * HOUR, expected: false },
    { name: "7 days - 1 ms", ageMs: 7 * 24 * HOUR - 1, expected: false },
    { name: "exactly 7 days", ageMs: 7 * 24 * HOUR, expected: false },
    { name: "7 days + 1 ms", ageMs: 7 * 24 * HOUR + 1, expected: true },
    { name: "30 days", ageMs: 30 * 24 * HOUR, expected: true },
  ])("CHAT-8 $name: due to expire is $expected", ({ ageMs, expected }) => {
    expect(isDueToExpire(ageMs === null ? null : SINCE, at(ageMs ?? 0))).toBe(expected);
  });

  it("CHAT-8 expiresAt is the first instant that isDueToExpire holds", () => {
    expect(expiresAt(SINCE)).toEqual(at(EXPIRE_AFTER_MS + 1));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (sinceMs) => {
        const since = new Date(sinceMs);
        const first = expiresAt(since);
        expect(isDueToExpire(since, first)).toBe(true);
        expect(isDueToExpire(since, new Date(first.getTime() - 1))).toBe(false);
      }),
    );
  });
});

// Times within a few days either side of the 24 h mark, and thresholds that include the
// degenerate ones (0, the full 24 h, beyond it) because clamping must keep the invariants.
const RANK: Record<Exclude<SlaStatus, "answered">, number> = { on_time: 0, due_soon: 1, overdue: 2 };
const sinceArb = fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 });
const offsetArb = fc.oneof(
  fc.integer({ min: -HOUR, max: 3 * 24 * HOUR }),
  fc.integer({ min: 20 * HOUR - 5, max: 24 * HOUR + 5 }),
);
const thresholdArb = fc.oneof(
  fc.constantFrom(0, 1, 240, 1439, 1440, 2000, -1),
  fc.integer({ min: 0, max: 1440 }),
  fc.double({ min: 0, max: 1440, noNaN: true }),
);

describe("SLA properties", () => {
  it("CONSOLE-2 status is monotonic in time: it never goes back (overdue stays overdue)", () => {
    fc.assert(
      fc.property(sinceArb, offsetArb, fc.nat({ max: 3 * 24 * HOUR }), thresholdArb, (since, offset, later, threshold) => {
        const oldestUnansweredAt = new Date(since);
        const early = computeSlaStatus({ oldestUnansweredAt, now: new Date(since + offset), dueSoonThresholdMinutes: threshold });
        const late = computeSlaStatus({ oldestUnansweredAt, now: new Date(since + offset + later), dueSoonThresholdMinutes: threshold });
        expect(early).not.toBe("answered");
        expect(RANK[late as keyof typeof RANK]).toBeGreaterThanOrEqual(RANK[early as keyof typeof RANK]);
      }),
    );
  });

  it("CONSOLE-2 nextSlaChangeAt is the first instant with a different status", () => {
    fc.assert(
      fc.property(sinceArb, offsetArb, thresholdArb, (since, offset, threshold) => {
        const oldestUnansweredAt = new Date(since);
        const now = new Date(since + offset);
        const statusAt = (t: Date) => computeSlaStatus({ oldestUnansweredAt, now: t, dueSoonThresholdMinutes: threshold });
        const current = statusAt(now);
        const next = nextSlaChangeAt({ oldestUnansweredAt, now, dueSoonThresholdMinutes: threshold });
        if (next === null) {
          // Only overdue is final; a far later instant proves it.
          expect(current).toBe("overdue");
          expect(statusAt(new Date(now.getTime() + 365 * 24 * HOUR))).toBe("overdue");
          return;
        }
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(statusAt(next)).not.toBe(current);
        // With monotonicity, the same status one millisecond before means the same status
        // for every instant in [now, next).
        expect(statusAt(new Date(next.getTime() - 1))).toBe(current);
      }),
    );
  });

  it("CONSOLE-2 answered never changes with time", () => {
    fc.assert(
      fc.property(sinceArb, thresholdArb, (nowMs, threshold) => {
        const input = { oldestUnansweredAt: null, now: new Date(nowMs), dueSoonThresholdMinutes: threshold };
        expect(computeSlaStatus(input)).toBe("answered");
        expect(nextSlaChangeAt(input)).toBeNull();
      }),
    );
  });
});

describe("slaClockStart (AUTO-5: bot time is not the people's reply time)", () => {
  const QUESTION = new Date("2025-03-01T10:00:00.000Z");
  const HANDED = new Date("2025-03-01T10:20:00.000Z");
  it.each<{ name: string; session: SlaClockSession; expected: Date | null }>([
    { name: "no bot: the oldest unanswered message", session: { oldestUnansweredAt: QUESTION, botActive: false, handedOverAt: null }, expected: QUESTION },
    { name: "no bot, nothing unanswered", session: { oldestUnansweredAt: null, botActive: false, handedOverAt: null }, expected: null },
    { name: "the bot holds it: no clock, though the buyer asked", session: { oldestUnansweredAt: QUESTION, botActive: true, handedOverAt: null }, expected: null },
    { name: "handed over: the clock starts at the hand-over", session: { oldestUnansweredAt: QUESTION, botActive: false, handedOverAt: HANDED }, expected: HANDED },
    { name: "handed over, then a newer unanswered message: that message", session: { oldestUnansweredAt: new Date(HANDED.getTime() + 5), botActive: false, handedOverAt: HANDED }, expected: new Date(HANDED.getTime() + 5) },
    { name: "handed over and answered by a person: no clock", session: { oldestUnansweredAt: null, botActive: false, handedOverAt: HANDED }, expected: null },
    { name: "a message at the very instant of the hand-over", session: { oldestUnansweredAt: HANDED, botActive: false, handedOverAt: HANDED }, expected: HANDED },
  ])("$name", ({ session, expected }) => {
    expect(slaClockStart(session)).toEqual(expected);
  });

  it("a bot-held session is answered for people: never unreplied, due soon or overdue, however long the bot talks", () => {
    fc.assert(
      fc.property(sinceArb, fc.nat({ max: 30 * 24 * HOUR }), thresholdArb, (since, age, threshold) => {
        const start = slaClockStart({ oldestUnansweredAt: new Date(since), botActive: true, handedOverAt: null });
        expect(start).toBeNull();
        expect(computeSlaStatus({ oldestUnansweredAt: start, now: new Date(since + age), dueSoonThresholdMinutes: threshold })).toBe("answered");
      }),
    );
  });

  it("after the hand-over the clock never starts before it, and people's status is the one of a chat that began then", () => {
    fc.assert(
      fc.property(sinceArb, fc.nat({ max: 3 * 24 * HOUR }), fc.nat({ max: 3 * 24 * HOUR }), thresholdArb, (since, botTime, afterHandover, threshold) => {
        const handedOverAt = new Date(since + botTime);
        const start = slaClockStart({ oldestUnansweredAt: new Date(since), botActive: false, handedOverAt });
        expect(start).toEqual(handedOverAt);
        const now = new Date(handedOverAt.getTime() + afterHandover);
        // However long the bot talked, the status is that of a buyer who wrote at the hand-over.
        expect(computeSlaStatus({ oldestUnansweredAt: start, now, dueSoonThresholdMinutes: threshold }))
          .toBe(computeSlaStatus({ oldestUnansweredAt: handedOverAt, now, dueSoonThresholdMinutes: threshold }));
      }),
    );
  });

  it("never earlier than the stored oldest unanswered message, and the same as it for a session the bot never held", () => {
    fc.assert(
      fc.property(fc.option(sinceArb, { nil: null }), fc.boolean(), fc.option(sinceArb, { nil: null }), (oldest, botActive, handed) => {
        const session = { oldestUnansweredAt: oldest === null ? null : new Date(oldest), botActive, handedOverAt: handed === null ? null : new Date(handed) };
        const start = slaClockStart(session);
        if (start === null) {
          expect(botActive || oldest === null).toBe(true);
          return;
        }
        expect(start.getTime()).toBeGreaterThanOrEqual(oldest!);
        if (handed === null) expect(start.getTime()).toBe(oldest);
        else expect(start.getTime()).toBe(Math.max(oldest!, handed));
      }),
    );
  });
});
