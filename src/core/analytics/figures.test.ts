import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONVERSION_WINDOW_MS, isAgentReply, type OrderFact, type ReplyFact, type SessionFact } from "./facts";
import { computeAnalytics, type AnalyticsInput, type Figures } from "./figures";
import { nearestRank, summarize } from "./percentiles";
import { dayRange, localDayOf } from "./time-zone";

const HOUR = 3_600_000;
const zone = "Asia/Jakarta";
const range = dayRange("2026-03-01", "2026-03-07", zone);
const at = (hours: number) => range.fromMs + hours * HOUR;

function session(overrides: Partial<SessionFact> & { sessionId: string }): SessionFact {
  return {
    buyerId: "b1",
    origin: "buyer",
    openedAtMs: at(1),
    humanQueueAtMs: at(1),
    firstAssignedAtMs: at(1),
    firstReply: null,
    lastHolderId: "ava",
    closure: null,
    rating: null,
    ...overrides,
  };
}

function report(partial: Partial<AnalyticsInput>) {
  return computeAnalytics({ sessions: [], replies: [], orders: [], range, timeZone: zone, currency: "USD", ...partial });
}

describe("ANALYTICS-1: 24 h response rate", () => {
  it("counts buyer-opened sessions replied by a person within 24 h (inclusive) over all opened", () => {
    const result = report({
      sessions: [
        session({ sessionId: "on-time", firstReply: { atMs: at(2), memberId: "ava" } }),
        session({ sessionId: "exactly-24h", firstReply: { atMs: at(25), memberId: "ava" } }),
        session({ sessionId: "late", firstReply: { atMs: at(25) + 1, memberId: "ben" } }),
        session({ sessionId: "unreplied" }),
        session({ sessionId: "proactive", origin: "proactive", firstReply: { atMs: at(2), memberId: "ava" } }),
        session({ sessionId: "agent-started", origin: "agent" }),
        session({ sessionId: "bot-only", humanQueueAtMs: null }),
        session({ sessionId: "before-range", openedAtMs: range.fromMs - 1 }),
      ],
    });
    expect(result.summary.responseRate).toEqual({ replied: 2, opened: 4, rate: 0.5 });
    expect(result.summary.sessionsHandled).toBe(3);
  });

  it("runs the clock from the hand-over, so bot time is not response time", () => {
    const result = report({
      sessions: [session({ sessionId: "bot-then-person", openedAtMs: at(1), humanQueueAtMs: at(30), firstReply: { atMs: at(31), memberId: "ava" } })],
    });
    expect(result.summary.responseRate.rate).toBe(1);
    expect(result.summary.firstResponse).toEqual({ count: 1, medianMs: HOUR, p90Ms: HOUR });
  });

  it("credits a transferred session to the member who replied, not the first holder", () => {
    const result = report({
      sessions: [session({ sessionId: "t", lastHolderId: "ben", firstReply: { atMs: at(3), memberId: "ben" } })],
    });
    expect(result.perAgent.map((row) => row.memberId)).toEqual(["ben"]);
  });

  it("a rate with nothing to divide is null, not 0", () => {
    expect(report({}).summary.responseRate.rate).toBeNull();
    expect(report({}).summary.satisfaction.rate).toBeNull();
    expect(report({}).summary.conversion.share).toBeNull();
  });
});

describe("ANALYTICS-2: satisfaction", () => {
  it("satisfied or very satisfied over rated, on the day of the rating; expired sessions never count", () => {
    const ended = (id: string, score: number, ratedAt: number): SessionFact =>
      session({ sessionId: id, closure: { kind: "ended", atMs: at(5), byMemberId: "ava" }, rating: { score, atMs: ratedAt } });
    const result = report({
      sessions: [
        ended("5", 5, at(6)), ended("4", 4, at(6)), ended("3", 3, at(6)), ended("1", 1, at(30)),
        ended("rated-after-range", 5, range.toMs),
        session({ sessionId: "expired", closure: { kind: "expired", atMs: at(5) }, rating: { score: 5, atMs: at(6) } }),
      ],
    });
    expect(result.summary.satisfaction).toEqual({ satisfied: 2, rated: 4, rate: 0.5 });
    expect(result.daily[0]!.figures.satisfaction).toEqual({ satisfied: 2, rated: 3, rate: 2 / 3 });
    expect(result.daily[1]!.figures.satisfaction).toEqual({ satisfied: 0, rated: 1, rate: 0 });
  });
});

describe("ANALYTICS-3: conversion within 7 days of a reply", () => {
  const replies: ReplyFact[] = [
    { buyerId: "b1", memberId: "ava", atMs: at(10) },
    { buyerId: "b1", memberId: "ben", atMs: at(20) },
    { buyerId: "b2", memberId: "ava", atMs: at(10) },
    { buyerId: "b3", memberId: "ava", atMs: range.fromMs - 1 }, // before the range: not a reply of this period
  ];
  const order = (id: string, buyerId: string, placedAtMs: number, extra: Partial<OrderFact> = {}): OrderFact => ({
    orderId: id, buyerId, placedAtMs, totalMinor: 1_999, currency: "USD", status: "delivered", ...extra,
  });

  it("credits each order once, to the latest reply before it, and sums minor units exactly", () => {
    const result = report({
      replies,
      orders: [
        order("o1", "b1", at(25)), // after ben's reply: ben
        order("o2", "b1", at(15)), // between the replies: ava
        order("o3", "b1", at(20)), // at the same instant as ben's reply: not after it, so ava's
        order("o4", "b1", at(20) + 7 * 24 * HOUR), // exactly 7 days after ben's reply: counts
        order("o5", "b2", at(10) + 7 * 24 * HOUR + 1), // 7 days + 1 ms: too late
        order("o6", "b2", at(5)), // before any reply
        order("o7", "b1", at(26), { status: "cancelled" }),
        order("o8", "b1", at(27), { status: "returned" }),
        order("o9", "b1", at(28), { currency: "IDR", totalMinor: 150_000_00 }),
        order("o10", "b3", at(2)), // replied before the range only
      ],
    });
    expect(result.summary.conversion).toEqual({
      revenueMinor: 4 * 1_999, orders: 4, otherCurrencyOrders: 1, repliedBuyers: 2, orderingBuyers: 1, share: 0.5,
    });
    const byMember = Object.fromEntries(result.perAgent.map((row) => [row.memberId, row.figures.conversion.orders]));
    expect(byMember).toEqual({ ava: 2, ben: 2 });
  });
});

describe("ANALYTICS-4: times, percentiles and what counts as a reply", () => {
  it("nearest rank: the median and p90 are samples that happened", () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, medianMs: 2, p90Ms: 4 });
    expect(summarize(Array.from({ length: 10 }, (_, i) => i + 1))).toEqual({ count: 10, medianMs: 5, p90Ms: 9 });
    expect(summarize([7])).toEqual({ count: 1, medianMs: 7, p90Ms: 7 });
  });

  it("resolution runs from opening to the end; expired sessions are not resolved", () => {
    const result = report({
      sessions: [
        session({ sessionId: "e", closure: { kind: "ended", atMs: at(4), byMemberId: "ava" } }),
        session({ sessionId: "x", closure: { kind: "expired", atMs: at(4) } }),
      ],
    });
    expect(result.summary.resolution).toEqual({ count: 1, medianMs: 3 * HOUR, p90Ms: 3 * HOUR });
    expect(result.summary.queueWait.count).toBe(2);
  });

  it.each([
    [{ authorType: "agent", isAutomatic: false }, true],
    [{ authorType: "agent", isAutomatic: true }, false],
    [{ authorType: "bot", isAutomatic: false }, false],
    [{ authorType: "system", isAutomatic: false }, false],
    [{ authorType: "buyer", isAutomatic: false }, false],
  ] as const)("isAgentReply(%o) is %s", (message, expected) => {
    expect(isAgentReply(message)).toBe(expected);
  });
});

// ─── Invariants over generated shops ─────────────────────────────────────────

const members = ["ava", "ben", "chloe"];
const instant = fc.integer({ min: range.fromMs - 3 * 24 * HOUR, max: range.toMs + 3 * 24 * HOUR });
const sessionArbitrary = fc
  .record({
    sessionId: fc.uuid(),
    buyerId: fc.constantFrom("b1", "b2", "b3", "b4"),
    origin: fc.constantFrom("buyer", "buyer", "buyer", "proactive", "agent") as fc.Arbitrary<SessionFact["origin"]>,
    openedAtMs: instant,
    botDelay: fc.option(fc.integer({ min: 0, max: 48 * HOUR }), { nil: null }),
    assignDelay: fc.option(fc.integer({ min: 0, max: 10 * HOUR }), { nil: null }),
    replyDelay: fc.option(fc.integer({ min: 0, max: 60 * HOUR }), { nil: null }),
    replier: fc.constantFrom(...members),
    holder: fc.option(fc.constantFrom(...members), { nil: null }),
    close: fc.option(fc.record({ kind: fc.constantFrom("ended", "expired"), delay: fc.integer({ min: 0, max: 200 * HOUR }) }), { nil: null }),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  })
  .map((g): SessionFact => {
    const humanQueueAtMs = g.botDelay === null ? null : g.openedAtMs + g.botDelay;
    const start = humanQueueAtMs ?? g.openedAtMs;
    const closedAt = g.close ? g.openedAtMs + g.close.delay : null;
    return {
      sessionId: g.sessionId,
      buyerId: g.buyerId,
      origin: g.origin,
      openedAtMs: g.openedAtMs,
      humanQueueAtMs,
      firstAssignedAtMs: g.assignDelay === null ? null : start + g.assignDelay,
      firstReply: g.replyDelay === null ? null : { atMs: start + g.replyDelay, memberId: g.replier },
      lastHolderId: g.holder,
      closure: g.close && closedAt !== null
        ? g.close.kind === "ended" ? { kind: "ended", atMs: closedAt, byMemberId: g.holder } : { kind: "expired", atMs: closedAt }
        : null,
      rating: g.score !== null && g.close?.kind === "ended" && closedAt !== null ? { score: g.score, atMs: closedAt + HOUR } : null,
    };
  });
const replyArbitrary = fc.record({ buyerId: fc.constantFrom("b1", "b2", "b3", "b4"), memberId: fc.constantFrom(...members), atMs: instant });
const orderArbitrary = fc.record({
  orderId: fc.uuid(),
  buyerId: fc.constantFrom("b1", "b2", "b3", "b4"),
  placedAtMs: instant,
  totalMinor: fc.integer({ min: 0, max: 10_000_000 }),
  currency: fc.constantFrom("USD", "USD", "IDR"),
  status: fc.constantFrom("delivered", "shipped", "cancelled", "returned", "to_ship"),
});
const inputs = fc.record({ sessions: fc.array(sessionArbitrary, { maxLength: 40 }), replies: fc.array(replyArbitrary, { maxLength: 40 }), orders: fc.array(orderArbitrary, { maxLength: 40 }) });

const additive = (figures: Figures) => [
  figures.responseRate.replied, figures.responseRate.opened, figures.satisfaction.satisfied, figures.satisfaction.rated,
  figures.conversion.revenueMinor, figures.conversion.orders, figures.conversion.otherCurrencyOrders,
  figures.firstResponse.count, figures.resolution.count, figures.queueWait.count, figures.sessionsHandled,
];
const sum = (rows: Figures[]) => rows.map(additive).reduce((total, row) => total.map((value, i) => value + row[i]!), additive(report({}).summary));

describe("ANALYTICS-5: invariants of every figure", () => {
  it("property: rates lie in [0, 1] and parts never exceed wholes", () => {
    fc.assert(
      fc.property(inputs, (generated) => {
        const result = report(generated);
        for (const figures of [result.summary, ...result.daily.map((d) => d.figures), ...result.perAgent.map((r) => r.figures)]) {
          for (const rate of [figures.responseRate.rate, figures.satisfaction.rate, figures.conversion.share]) {
            if (rate === null) continue;
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
          }
          expect(figures.responseRate.replied).toBeLessThanOrEqual(figures.sessionsHandled);
          expect(figures.sessionsHandled).toBeLessThanOrEqual(figures.responseRate.opened);
          if (figures.firstResponse.medianMs !== null) expect(figures.firstResponse.medianMs).toBeLessThanOrEqual(figures.firstResponse.p90Ms!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: the summary equals the sum of the daily series and of the per-agent rows", () => {
    fc.assert(
      fc.property(inputs, (generated) => {
        const result = report(generated);
        expect(result.daily).toHaveLength(7);
        expect(sum(result.daily.map((d) => d.figures))).toEqual(additive(result.summary));
        expect(sum(result.perAgent.map((r) => r.figures))).toEqual(additive(result.summary));
      }),
      { numRuns: 200 },
    );
  });

  it("property: adding a fact outside the range changes nothing", () => {
    fc.assert(
      fc.property(inputs, sessionArbitrary, (generated, extra) => {
        const outside = { ...extra, openedAtMs: range.toMs + 10 * 24 * HOUR, humanQueueAtMs: null, closure: null, rating: null };
        expect(report({ ...generated, sessions: [...generated.sessions, outside] })).toEqual(report(generated));
      }),
      { numRuns: 100 },
    );
  });
});

describe("ANALYTICS-3 and permissions: attribution across the range end, and one member's figures", () => {
  it("ANALYTICS-3 an order after a later reply (outside the range) belongs to that reply, not to the range", () => {
    const result = report({
      replies: [
        { buyerId: "b1", memberId: "ava", atMs: range.toMs - HOUR },
        { buyerId: "b1", memberId: "ben", atMs: range.toMs + HOUR },
      ],
      orders: [
        { orderId: "before-ben", buyerId: "b1", placedAtMs: range.toMs, totalMinor: 500, currency: "USD", status: "delivered" },
        { orderId: "after-ben", buyerId: "b1", placedAtMs: range.toMs + 2 * HOUR, totalMinor: 700, currency: "USD", status: "delivered" },
      ],
    });
    expect(result.summary.conversion).toMatchObject({ revenueMinor: 500, orders: 1, repliedBuyers: 1, orderingBuyers: 1 });
  });

  it("property: ANALYTICS-4 onlyMemberId gives exactly that member's per-agent row", () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom("ava", "ben"), (generated, memberId) => {
        const full = report(generated);
        const own = report({ ...generated, onlyMemberId: memberId });
        const row = full.perAgent.find((r) => r.memberId === memberId);
        expect(own.perAgent.map((r) => r.memberId)).toEqual(row ? [memberId] : []);
        expect(own.summary).toEqual(row?.figures ?? report({}).summary);
      }),
      { numRuns: 100 },
    );
  });
});

describe("ANALYTICS-4 day buckets across DST", () => {
  it("property: a fact lands on the day localDayOf names, in a zone with DST changes", () => {
    const newYork = dayRange("2026-03-01", "2026-11-10", "America/New_York");
    fc.assert(
      fc.property(fc.integer({ min: newYork.fromMs, max: newYork.toMs - 1 }), (openedAtMs) => {
        const result = computeAnalytics({
          sessions: [session({ sessionId: "s", openedAtMs, humanQueueAtMs: openedAtMs, firstAssignedAtMs: null })],
          replies: [], orders: [], range: newYork, timeZone: "America/New_York", currency: "USD",
        });
        expect(result.daily.filter((d) => d.figures.responseRate.opened === 1).map((d) => d.day)).toEqual([localDayOf(openedAtMs, "America/New_York")]);
      }),
      // Each run computes a 254-day daily series (about 70 ms): fewer runs, each over both DST changes.
      { numRuns: 40 },
    );
  }, 30_000);
});

describe("ANALYTICS-6 stored attributions give the same figures", () => {
  it("property: orders given with their attributing reply (as the stored facts keep them) equal orders attributed from the replies", () => {
    fc.assert(
      fc.property(inputs, (generated) => {
        // The rule written out naively: the latest reply to the buyer strictly before the order,
        // at most 7 days earlier; at one instant, the greatest member id.
        const attributedOrders = generated.orders.flatMap((order) => {
          const candidates = generated.replies
            .filter((reply) => reply.buyerId === order.buyerId && reply.atMs < order.placedAtMs && order.placedAtMs - reply.atMs <= CONVERSION_WINDOW_MS)
            .sort((a, b) => b.atMs - a.atMs || (a.memberId < b.memberId ? 1 : a.memberId > b.memberId ? -1 : 0));
          const reply = candidates[0];
          return reply ? [{ ...order, reply: { memberId: reply.memberId, atMs: reply.atMs } }] : [];
        });
        expect(report({ ...generated, orders: [], attributedOrders })).toEqual(report(generated));
      }),
    );
  });
});
