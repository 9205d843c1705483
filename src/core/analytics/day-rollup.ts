// Issue 11 item 5: one shop day's buckets (one per owner) as the text a daily rollup stores.
// The text is canonical: owners in order, counts in a fixed order, time samples sorted and
// buyers once each and sorted, so a day computed again from the facts can be compared with the
// stored one character for character (the rebuild does, to report any difference).
import type { BucketSums } from "./figures";

/** A day's bucket for one owner (null: work nobody held), with buyers as their ids. */
export interface OwnerBucket {
  owner: string | null;
  sums: StoredBucketSums;
}

/** Bucket sums whose buyers are ids, one per buyer across every day (a rank would not be). */
export interface StoredBucketSums extends BucketSums {
  repliedBuyers: readonly string[];
  orderingBuyers: readonly string[];
}

type EncodedBucket = [
  owner: string | null,
  counts: [opened: number, repliedWithin24h: number, sessionsHandled: number, rated: number, satisfied: number, revenueMinor: number, orders: number, otherCurrencyOrders: number],
  firstResponseMs: number[],
  resolutionMs: number[],
  queueWaitMs: number[],
  repliedBuyers: string[],
  orderingBuyers: string[],
];

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedNumbers = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const distinctSorted = (values: readonly string[]) => [...new Set(values)].sort(byCodeUnit);

export function encodeDayRollup(buckets: readonly OwnerBucket[]): string {
  const encoded = buckets
    .map(({ owner, sums }): EncodedBucket => [
      owner,
      [sums.opened, sums.repliedWithin24h, sums.sessionsHandled, sums.rated, sums.satisfied, sums.revenueMinor, sums.orders, sums.otherCurrencyOrders],
      sortedNumbers(sums.firstResponseMs),
      sortedNumbers(sums.resolutionMs),
      sortedNumbers(sums.queueWaitMs),
      distinctSorted(sums.repliedBuyers),
      distinctSorted(sums.orderingBuyers),
    ])
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : byCodeUnit(a, b)));
  return JSON.stringify(encoded);
}

export function decodeDayRollup(text: string): OwnerBucket[] {
  return (JSON.parse(text) as EncodedBucket[]).map(([owner, counts, firstResponseMs, resolutionMs, queueWaitMs, repliedBuyers, orderingBuyers]) => {
    const [opened, repliedWithin24h, sessionsHandled, rated, satisfied, revenueMinor, orders, otherCurrencyOrders] = counts;
    return {
      owner,
      sums: { opened, repliedWithin24h, sessionsHandled, rated, satisfied, revenueMinor, orders, otherCurrencyOrders, firstResponseMs, resolutionMs, queueWaitMs, repliedBuyers, orderingBuyers },
    };
  });
}

/** An owner's bucket as a read uses it: buyers as small integers. */
export interface ReadOwnerBucket {
  owner: string | null;
  sums: BucketSums;
}

/**
 * Numbers the buyers of one read: the same id gets the same number across every day it reads,
 * so the figures count distinct buyers with a marker array instead of a set of strings.
 */
export class BuyerNumbers {
  private readonly numbers = new Map<string, number>();

  of(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(id, number);
    }
    return number;
  }

  bucket({ owner, sums }: OwnerBucket): ReadOwnerBucket {
    return { owner, sums: { ...sums, repliedBuyers: sums.repliedBuyers.map((id) => this.of(id)), orderingBuyers: sums.orderingBuyers.map((id) => this.of(id)) } };
  }
}
