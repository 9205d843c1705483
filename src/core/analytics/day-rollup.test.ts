import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BuyerNumbers, decodeDayRollup, encodeDayRollup, type OwnerBucket } from "./day-rollup";
import { reportFromBuckets, summaryFromBuckets } from "./figures";
import { addDays, dayRange } from "./time-zone";

const count = fc.nat({ max: 50 });
const samples = fc.array(fc.nat({ max: 10 * 86_400_000 }), { maxLength: 12 });
const buyers = fc.array(fc.constantFrom("b1", "b2", "b3", "b4", "b5"), { maxLength: 8 });
const ownerBucket: fc.Arbitrary<OwnerBucket> = fc.record({
  owner: fc.option(fc.constantFrom("ava", "ben", "removed"), { nil: null }),
  sums: fc.record({
    opened: count, repliedWithin24h: count, sessionsHandled: count, rated: count, satisfied: count,
    revenueMinor: fc.nat({ max: 1_000_000_000 }), orders: count, otherCurrencyOrders: count,
    firstResponseMs: samples, resolutionMs: samples, queueWaitMs: samples, repliedBuyers: buyers, orderingBuyers: buyers,
  }),
});
// One bucket per owner, as a day holds them.
const day = fc.uniqueArray(ownerBucket, { selector: (bucket) => bucket.owner, maxLength: 4 });

describe("ANALYTICS-5 daily rollups: a stored day gives the figures it was computed with", () => {
  it("property: decoding the stored text gives the same figures, per owner and for the day", () => {
    fc.assert(
      fc.property(day, (buckets) => {
        const decoded = decodeDayRollup(encodeDayRollup(buckets));
        expect(summaryFromBuckets(decoded.map(({ sums }) => sums))).toEqual(summaryFromBuckets(buckets.map(({ sums }) => sums)));
        for (const { owner, sums } of buckets) {
          expect(summaryFromBuckets(decoded.filter((bucket) => bucket.owner === owner).map((bucket) => bucket.sums))).toEqual(summaryFromBuckets([sums]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: the text is canonical: the order of owners, samples and buyers does not change it", () => {
    fc.assert(
      fc.property(day, fc.nat(), (buckets, seed) => {
        const shuffle = <T>(items: readonly T[]) => [...items].map((item, index) => ({ item, key: (index * 7919 + seed) % 104_729 })).sort((a, b) => a.key - b.key).map(({ item }) => item);
        const reordered = shuffle(buckets).map(({ owner, sums }) => ({
          owner,
          sums: {
            ...sums,
            firstResponseMs: shuffle(sums.firstResponseMs), resolutionMs: shuffle(sums.resolutionMs), queueWaitMs: shuffle(sums.queueWaitMs),
            repliedBuyers: shuffle([...sums.repliedBuyers, ...sums.repliedBuyers]), orderingBuyers: shuffle(sums.orderingBuyers),
          },
        }));
        expect(encodeDayRollup(reordered)).toBe(encodeDayRollup(buckets));
      }),
      { numRuns: 200 },
    );
  });

  it("property: numbering the buyers of a read changes no figure (the distinct counts by marker equal those by set)", () => {
    const range = dayRange("2026-03-01", "2026-03-04", "Asia/Jakarta");
    fc.assert(
      fc.property(fc.array(day, { minLength: 4, maxLength: 4 }), (days) => {
        const byId = days.flatMap((buckets, index) => buckets.map(({ owner, sums }) => ({ day: addDays("2026-03-01", index), owner, sums })));
        const buyers = new BuyerNumbers();
        const numbered = byId.map(({ day: shopDay, ...bucket }) => ({ day: shopDay, ...buyers.bucket(bucket) }));
        expect(reportFromBuckets(range, numbered)).toEqual(reportFromBuckets(range, byId));
        expect(summaryFromBuckets(numbered.map(({ sums }) => sums))).toEqual(summaryFromBuckets(byId.map(({ sums }) => sums)));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps an empty day as an empty list, so a day without activity is stored too", () => {
    expect(decodeDayRollup(encodeDayRollup([]))).toEqual([]);
  });
});
