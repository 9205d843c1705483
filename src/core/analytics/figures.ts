// ANALYTICS-1..4: every service figure for a range of shop days, for the shop, per day and per
// agent, from plain facts. Each fact lands in exactly one bucket (a day and an owner), and the
// summary, the daily series and the per-agent table are all merges of the same buckets, so they
// cannot disagree (chatwoot #6003: summary and chart disagree). docs/analytics.md explains each
// figure in a seller's words.
import {
  CONVERSION_WINDOW_MS,
  NON_REVENUE_ORDER_STATUSES,
  RESPONSE_WINDOW_MS,
  SATISFIED_MIN_SCORE,
  sessionOwner,
  type AttributedOrderFact,
  type OrderFact,
  type ReplyFact,
  type SessionFact,
} from "./facts";
import { summarizeBySelection, type Distribution } from "./percentiles";
import { dayStartsOf, daysOf, type DayRange, type LocalDay } from "./time-zone";

export interface AnalyticsInput {
  sessions: readonly SessionFact[];
  /**
   * Agent replies to buyers. Only replies inside the range are credited; a later reply (up to
   * 7 days after the range) is still needed to decide that an order belongs to it instead.
   */
  replies: readonly ReplyFact[];
  /** The buyers' orders; only those placed after a reply in the range can count. */
  orders: readonly OrderFact[];
  /**
   * Orders whose attributing reply is already known (stored facts): used as they are, instead
   * of attributing `orders` to `replies`. Replies then only count replied buyers.
   */
  attributedOrders?: readonly AttributedOrderFact[];
  range: DayRange;
  timeZone: string;
  /** The shop's currency: revenue sums orders in it; others are counted apart. */
  currency: string;
  /**
   * Only this member's figures (an agent sees their own, per the permission matrix): every
   * bucket credited to someone else is left out, so the summary is that member's row.
   */
  onlyMemberId?: string;
}

export interface Figures {
  /** ANALYTICS-1: buyer-opened sessions replied by a person within 24 h of reaching people. */
  responseRate: { replied: number; opened: number; rate: number | null };
  /** ANALYTICS-2: ratings 4-5 over all ratings given in the period. */
  satisfaction: { satisfied: number; rated: number; rate: number | null };
  /** ANALYTICS-3: orders within 7 days after an agent's reply. */
  conversion: {
    revenueMinor: number;
    orders: number;
    /** Attributed orders in another currency: counted here, not summed into revenue. */
    otherCurrencyOrders: number;
    repliedBuyers: number;
    orderingBuyers: number;
    share: number | null;
  };
  /** ANALYTICS-4. */
  firstResponse: Distribution;
  resolution: Distribution;
  queueWait: Distribution;
  /** Buyer-opened sessions with at least one agent reply. */
  sessionsHandled: number;
}

export interface AnalyticsReport {
  summary: Figures;
  daily: Array<{ day: LocalDay; figures: Figures }>;
  /** One row per member credited with anything; `memberId: null` is work nobody held. */
  perAgent: Array<{ memberId: string | null; figures: Figures }>;
}

/**
 * What one (day, owner) bucket holds; merging buckets is adding counts, uniting buyers and
 * pooling time samples. The database sums the stored facts into this shape (range-figures-sql.ts),
 * where a buyer may be listed more than once.
 */
export interface BucketSums {
  opened: number;
  repliedWithin24h: number;
  sessionsHandled: number;
  rated: number;
  satisfied: number;
  revenueMinor: number;
  orders: number;
  otherCurrencyOrders: number;
  /** Buyers as any key that is one per buyer within one range (an id, or a rank the database gave). */
  repliedBuyers: Iterable<BuyerKey>;
  orderingBuyers: Iterable<BuyerKey>;
  firstResponseMs: readonly number[];
  resolutionMs: readonly number[];
  queueWaitMs: readonly number[];
}

/** One bucket of a range: a shop day, the member credited (null: nobody held it) and its sums. */
export interface DayOwnerBucket {
  day: LocalDay;
  owner: string | null;
  sums: BucketSums;
}

export type BuyerKey = string | number;

/** A bucket being filled or merged into. */
interface Bucket extends BucketSums {
  repliedBuyers: Set<BuyerKey>;
  orderingBuyers: Set<BuyerKey>;
  firstResponseMs: number[];
  resolutionMs: number[];
  queueWaitMs: number[];
}

function emptyBucket(): Bucket {
  return {
    opened: 0, repliedWithin24h: 0, sessionsHandled: 0, rated: 0, satisfied: 0, revenueMinor: 0, orders: 0,
    otherCurrencyOrders: 0, repliedBuyers: new Set(), orderingBuyers: new Set(), firstResponseMs: [], resolutionMs: [], queueWaitMs: [],
  };
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Counts the distinct buyers of a group of buckets. */
type DistinctBuyers = (parts: readonly BucketSums[], buyersOf: (part: BucketSums) => Iterable<BuyerKey>) => number;

function distinctBySet(parts: readonly BucketSums[], buyersOf: (part: BucketSums) => Iterable<BuyerKey>): number {
  const seen = new Set<BuyerKey>();
  for (const part of parts) for (const buyer of buyersOf(part)) seen.add(buyer);
  return seen.size;
}

/**
 * The distinct-buyer count for a report's groups. When every buyer key is a small non-negative
 * integer (buyers interned once per read, as the rollups are read), one marker array serves all
 * groups: a buyer counts when its mark is not yet this group's, with no hashing; a year's summary,
 * days and agents add up to hundreds of thousands of keys. Otherwise a Set per group.
 */
function distinctBuyersFor(buckets: readonly BucketSums[]): DistinctBuyers {
  let largest = -1;
  for (const part of buckets) {
    for (const buyers of [part.repliedBuyers, part.orderingBuyers]) {
      for (const buyer of buyers) {
        if (typeof buyer !== "number" || !Number.isInteger(buyer) || buyer < 0 || buyer > 50_000_000) return distinctBySet;
        if (buyer > largest) largest = buyer;
      }
    }
  }
  const marks = new Int32Array(largest + 1);
  let group = 0;
  return (parts, buyersOf) => {
    group += 1;
    let count = 0;
    for (const part of parts) {
      for (const buyer of buyersOf(part) as Iterable<number>) {
        if (marks[buyer] !== group) {
          marks[buyer] = group;
          count += 1;
        }
      }
    }
    return count;
  };
}

/**
 * The figures of a group of buckets (the range, a day, an owner): counts added, buyers united,
 * and each kind of time sample copied once into one typed array and its median and p90 selected
 * there (a year's samples: no growing arrays, no full sort).
 */
function figuresOf(parts: readonly BucketSums[], distinctBuyers: DistinctBuyers = distinctBySet): Figures {
  let opened = 0, repliedWithin24h = 0, sessionsHandled = 0, rated = 0, satisfied = 0, revenueMinor = 0, orders = 0, otherCurrencyOrders = 0;
  for (const part of parts) {
    opened += part.opened;
    repliedWithin24h += part.repliedWithin24h;
    sessionsHandled += part.sessionsHandled;
    rated += part.rated;
    satisfied += part.satisfied;
    revenueMinor += part.revenueMinor;
    orders += part.orders;
    otherCurrencyOrders += part.otherCurrencyOrders;
  }
  const repliedBuyers = distinctBuyers(parts, (part) => part.repliedBuyers);
  const orderingBuyers = distinctBuyers(parts, (part) => part.orderingBuyers);
  return {
    responseRate: { replied: repliedWithin24h, opened, rate: ratio(repliedWithin24h, opened) },
    satisfaction: { satisfied, rated, rate: ratio(satisfied, rated) },
    conversion: {
      revenueMinor,
      orders,
      otherCurrencyOrders,
      repliedBuyers,
      orderingBuyers,
      share: ratio(orderingBuyers, repliedBuyers),
    },
    firstResponse: distributionOf(parts, (part) => part.firstResponseMs),
    resolution: distributionOf(parts, (part) => part.resolutionMs),
    queueWait: distributionOf(parts, (part) => part.queueWaitMs),
    sessionsHandled,
  };
}

function distributionOf(parts: readonly BucketSums[], samplesOf: (part: BucketSums) => readonly number[]): Distribution {
  let count = 0;
  for (const part of parts) count += samplesOf(part).length;
  const samples = new Float64Array(count);
  let offset = 0;
  for (const part of parts) {
    const partSamples = samplesOf(part);
    samples.set(partSamples, offset);
    offset += partSamples.length;
  }
  return summarizeBySelection(samples);
}

/**
 * The report of a range from its (day, owner) buckets: the summary, every day of the range (an
 * empty day has empty figures) and one row per owner, in id order with the unassigned row (null)
 * last. The three are groupings of the same buckets, so they cannot disagree.
 */
export function reportFromBuckets(range: DayRange, buckets: Iterable<DayOwnerBucket>): AnalyticsReport {
  const all: BucketSums[] = [];
  const byDay = new Map<LocalDay, BucketSums[]>();
  const byOwner = new Map<string | null, BucketSums[]>();
  for (const { day, owner, sums } of buckets) {
    all.push(sums);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day)!.push(sums);
    if (!byOwner.has(owner)) byOwner.set(owner, []);
    byOwner.get(owner)!.push(sums);
  }
  const distinctBuyers = distinctBuyersFor(all);
  return {
    summary: figuresOf(all, distinctBuyers),
    daily: daysOf(range).map((day) => ({ day, figures: figuresOf(byDay.get(day) ?? [], distinctBuyers) })),
    perAgent: [...byOwner]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([memberId, parts]) => ({ memberId, figures: figuresOf(parts, distinctBuyers) })),
  };
}

/** Only the summary of some buckets (the previous period the cards compare against). */
export function summaryFromBuckets(buckets: Iterable<BucketSums>): Figures {
  const all = [...buckets];
  return figuresOf(all, distinctBuyersFor(all));
}

class Buckets {
  private readonly byKey = new Map<string, { day: LocalDay; owner: string | null; bucket: Bucket }>();
  private readonly days: LocalDay[];
  /** The first instant of each day of the range: a fact's day is found by binary search. */
  private readonly dayStarts: number[];

  constructor(private readonly range: DayRange, timeZone: string, private readonly onlyMemberId?: string) {
    this.days = daysOf(range);
    this.dayStarts = dayStartsOf(range, timeZone);
  }

  private dayOf(ms: number): LocalDay {
    let low = 0;
    let high = this.dayStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.dayStarts[middle]! <= ms) low = middle;
      else high = middle - 1;
    }
    return this.days[low]!;
  }

  /** The bucket of an instant and an owner, or null when the instant is outside the range (or scope). */
  at(ms: number, owner: string | null): Bucket | null {
    if (ms < this.range.fromMs || ms >= this.range.toMs) return null;
    if (this.onlyMemberId !== undefined && owner !== this.onlyMemberId) return null;
    const day = this.dayOf(ms);
    const key = `${day}|${owner ?? ""}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { day, owner, bucket: emptyBucket() };
      this.byKey.set(key, entry);
    }
    return entry.bucket;
  }

  report(): AnalyticsReport {
    return reportFromBuckets(this.range, [...this.byKey.values()].map(({ day, owner, bucket }) => ({ day, owner, sums: bucket })));
  }
}

function addSession(buckets: Buckets, session: SessionFact): void {
  // Response figures: buyer-opened sessions that reached people, on the day they opened,
  // credited to whoever replied first (else whoever held it last).
  if (session.origin === "buyer" && session.humanQueueAtMs !== null) {
    const bucket = buckets.at(session.openedAtMs, sessionOwner(session));
    if (bucket) {
      bucket.opened += 1;
      if (session.firstReply) {
        const responseMs = Math.max(0, session.firstReply.atMs - session.humanQueueAtMs);
        bucket.sessionsHandled += 1;
        bucket.firstResponseMs.push(responseMs);
        if (responseMs <= RESPONSE_WINDOW_MS) bucket.repliedWithin24h += 1;
      }
      if (session.firstAssignedAtMs !== null) bucket.queueWaitMs.push(Math.max(0, session.firstAssignedAtMs - session.humanQueueAtMs));
    }
  }
  // Resolution and satisfaction belong to the member who ended the session. Expired sessions
  // were never resolved and are never rated.
  if (session.closure?.kind === "ended") {
    const owner = session.closure.byMemberId ?? session.lastHolderId;
    buckets.at(session.closure.atMs, owner)?.resolutionMs.push(Math.max(0, session.closure.atMs - session.openedAtMs));
    if (session.rating) {
      const bucket = buckets.at(session.rating.atMs, owner);
      if (bucket) {
        bucket.rated += 1;
        if (session.rating.score >= SATISFIED_MIN_SCORE) bucket.satisfied += 1;
      }
    }
  }
}

/** Byte order of ids (as SQL's COLLATE "C"): among replies at one instant the greatest id takes the order. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The latest reply strictly before the order whose 7-day window holds it, or null. */
function attributingReply(replies: readonly ReplyFact[], placedAtMs: number): ReplyFact | null {
  // Replies are sorted by time: the latest one strictly before the order has the smallest gap,
  // so if it is more than 7 days before, every earlier one is too.
  let low = 0;
  let high = replies.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (replies[middle]!.atMs < placedAtMs) low = middle + 1;
    else high = middle;
  }
  const latest = replies[low - 1];
  return latest && placedAtMs - latest.atMs <= CONVERSION_WINDOW_MS ? latest : null;
}

function addConversions(buckets: Buckets, input: AnalyticsInput): void {
  // Every reply takes part in attribution (an order belongs to the latest reply before it, even
  // when that reply falls after the range); only replies inside the range are credited.
  const repliesByBuyer = new Map<string, ReplyFact[]>();
  for (const reply of input.replies) {
    buckets.at(reply.atMs, reply.memberId)?.repliedBuyers.add(reply.buyerId);
    // Stored attributions need no replies per buyer.
    if (input.attributedOrders) continue;
    const list = repliesByBuyer.get(reply.buyerId) ?? [];
    list.push(reply);
    repliesByBuyer.set(reply.buyerId, list);
  }
  for (const list of repliesByBuyer.values()) list.sort((a, b) => a.atMs - b.atMs || compareIds(a.memberId, b.memberId));
  const attributed = input.attributedOrders ?? input.orders.map((order) => {
    const replies = repliesByBuyer.get(order.buyerId);
    return { ...order, reply: replies ? attributingReply(replies, order.placedAtMs) : null };
  });
  for (const order of attributed) {
    if ((NON_REVENUE_ORDER_STATUSES as readonly string[]).includes(order.status)) continue;
    const reply = order.reply;
    if (!reply) continue;
    // Each order is credited once: to the latest reply before it, on that reply's day.
    const bucket = buckets.at(reply.atMs, reply.memberId);
    if (!bucket) continue;
    bucket.orderingBuyers.add(order.buyerId);
    if (order.currency === input.currency) {
      bucket.orders += 1;
      bucket.revenueMinor += order.totalMinor;
    } else {
      bucket.otherCurrencyOrders += 1;
    }
  }
}

export function computeAnalytics(input: AnalyticsInput): AnalyticsReport {
  const buckets = new Buckets(input.range, input.timeZone, input.onlyMemberId);
  for (const session of input.sessions) addSession(buckets, session);
  addConversions(buckets, input);
  return buckets.report();
}
