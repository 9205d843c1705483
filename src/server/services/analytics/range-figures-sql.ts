// ANALYTICS-1..4, issue 11 item 5: the (shop day, owner) buckets of one date range, from the
// stored facts (facts.ts keeps them with every event). Ranges read their past days from the
// daily rollups (day-rollups.ts) and come here only for the days missing there. A range of
// months holds tens of thousands of sessions and replies: one query reads only the range's facts
// with bounded index scans and answers, for each kind of fact, one array per column (its bucket
// as one number, its time sample, its buyer); the server fills the buckets, which
// reportFromBuckets (src/core/analytics/figures.ts) merges into the summary, the daily series and
// the per-agent table. docs/analytics.md "Fast on history" says why this shape.
//
// The bucket rules are those of computeAnalytics (the pure definition, unit-tested), written here
// in SQL; the ANALYTICS-5 test compares the result with a naive recomputation from the raw tables.
// - Response figures: sessions opened in the range that reached people (humanQueueAt), on the
//   day they opened, credited to the first replier, else the last holder.
// - Resolution and satisfaction: ended sessions, on the day they ended or were rated, credited
//   to the member who ended them, else the last holder. Expired sessions are in neither.
// - Replied buyers: one reply per shop day and reply span (a span lies within one UTC day and
//   holds a real reply on each shop day it touches, facts-sql.ts).
// - Conversion: orders attributed to a reply in the range, on that reply's day and member;
//   cancelled and returned orders earn nothing.
// Each fact's day is the range day whose start is the last one at or before it: width_bucket over
// the day starts the pure module computes in the shop's zone.
import {
  dayStartsOf,
  daysOf,
  NON_REVENUE_ORDER_STATUSES,
  RESPONSE_WINDOW_MS,
  SATISFIED_MIN_SCORE,
  type DayRange,
  type LocalDay,
  type StoredBucketSums,
} from "@/core/analytics";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { REMOVED_MEMBER_ID } from "@/server/services/analytics/facts-sql";

/** One array per column, an element per fact; null when no fact of that kind is in the range. */
type Columns<T extends unknown[]> = { [K in keyof T]: T[K][] | null };
/** A fact's bucket: day (1-based) × K + owner position (0: nobody, else 1-based in the owner list). */
type BucketKey = number;
type RangeAnswer = [
  k: number,
  members: string[],
  responses: Columns<[bucket: BucketKey, firstResponseMs: number | null, queueWaitMs: number | null]>,
  resolutions: Columns<[bucket: BucketKey, resolutionMs: number]>,
  /** bucket × 2 + 1 when the rating is satisfied. */
  ratings: Columns<[rating: number]>,
  replies: Columns<[bucket: BucketKey, buyer: string]>,
  orders: Columns<[bucket: BucketKey, buyer: string, sameCurrency: number, totalMinor: number]>,
];

interface FilledSums extends StoredBucketSums {
  repliedBuyers: string[];
  orderingBuyers: string[];
  firstResponseMs: number[];
  resolutionMs: number[];
  queueWaitMs: number[];
}

function emptySums(): FilledSums {
  return {
    opened: 0, repliedWithin24h: 0, sessionsHandled: 0, rated: 0, satisfied: 0, revenueMinor: 0, orders: 0, otherCurrencyOrders: 0,
    repliedBuyers: [], orderingBuyers: [], firstResponseMs: [], resolutionMs: [], queueWaitMs: [],
  };
}

/** The (day, owner) buckets being filled, by bucket key. */
class BucketTable {
  private readonly byKey = new Map<BucketKey, FilledSums>();

  constructor(
    private readonly days: readonly LocalDay[],
    private readonly k: number,
    /** The owner of each position: [0] nobody, then the members, then the removed author. */
    private readonly owners: ReadonlyArray<string | null>,
  ) {}

  at(key: BucketKey): FilledSums {
    let sums = this.byKey.get(key);
    if (!sums) {
      sums = emptySums();
      this.byKey.set(key, sums);
    }
    return sums;
  }

  buckets(): StoredDayOwnerBucket[] {
    return [...this.byKey].map(([key, sums]) => ({ day: this.days[Math.floor(key / this.k) - 1]!, owner: this.owners[key % this.k]!, sums }));
  }
}

/** A bucket of a range with its buyers as ids (what a daily rollup stores). */
export interface StoredDayOwnerBucket {
  day: LocalDay;
  owner: string | null;
  sums: StoredBucketSums;
}

/** The shop's buckets of a range, every owner: a member, REMOVED_MEMBER_ID or null (nobody). */
export async function loadRangeBuckets(db: Pick<Database, "$queryRaw">, input: RangeBucketsQuery): Promise<StoredDayOwnerBucket[]> {
  const [row] = await db.$queryRaw<Array<{ answer: string }>>(rangeBucketsSql(input));
  const answer = JSON.parse(row!.answer) as RangeAnswer;
  const [k, members] = answer;
  const table = new BucketTable(daysOf(input.range), k, [null, ...members, REMOVED_MEMBER_ID]);
  fillBuckets(answer, (key) => table.at(key));
  return table.buckets();
}

/** Adds every fact of the answer to the bucket its key names. */
function fillBuckets(answer: RangeAnswer, at: (key: BucketKey) => FilledSums): void {
  const [, , responses, resolutions, ratings, replies, orders] = answer;
  const [responseBuckets, firstResponses, queueWaits] = responses;
  responseBuckets?.forEach((key, index) => {
    const sums = at(key);
    const firstResponseMs = firstResponses![index]!;
    const queueWaitMs = queueWaits![index]!;
    sums.opened += 1;
    if (firstResponseMs !== null) {
      sums.sessionsHandled += 1;
      sums.firstResponseMs.push(firstResponseMs);
      if (firstResponseMs <= RESPONSE_WINDOW_MS) sums.repliedWithin24h += 1;
    }
    if (queueWaitMs !== null) sums.queueWaitMs.push(queueWaitMs);
  });
  const [resolutionBuckets, resolutionTimes] = resolutions;
  resolutionBuckets?.forEach((key, index) => at(key).resolutionMs.push(resolutionTimes![index]!));
  ratings[0]?.forEach((rating) => {
    const sums = at(Math.floor(rating / 2));
    sums.rated += 1;
    sums.satisfied += rating % 2;
  });
  const [replyBuckets, repliedBuyers] = replies;
  replyBuckets?.forEach((key, index) => at(key).repliedBuyers.push(repliedBuyers![index]!));
  const [orderBuckets, orderBuyers, sameCurrency, totals] = orders;
  orderBuckets?.forEach((key, index) => {
    const sums = at(key);
    sums.orderingBuyers.push(orderBuyers![index]!);
    // An order in another currency is counted apart, never summed into the shop's revenue.
    if (sameCurrency![index] === 1) {
      sums.orders += 1;
      sums.revenueMinor += totals![index]!;
    } else {
      sums.otherCurrencyOrders += 1;
    }
  });
}

export interface RangeBucketsQuery {
  shopId: string;
  range: DayRange;
  timeZone: string;
  currency: string;
}

/** The one query of a range: its answer is a RangeAnswer in JSON. */
export function rangeBucketsSql(input: RangeBucketsQuery): Prisma.Sql {
  const { range } = input;
  const starts = dayStartsOf(range, input.timeZone);
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const col = (table: string, column: string) => Prisma.raw(`${table}."${column}"`);
  // Days and spans straight on the stored timestamps (UTC instants, timestamp without time zone):
  // no epoch arithmetic per fact where none is needed.
  const dayStarts = starts.map((start) => new Date(start).toISOString());
  const dayOf = (instant: Prisma.Sql) => Prisma.sql`width_bucket(${instant}, ${dayStarts}::timestamp[])`;
  /** Milliseconds from one stored instant to a later one (both whole milliseconds). */
  const millisBetween = (earlier: string, later: string) =>
    Prisma.sql`round(date_part('epoch', ${col("f", later)} - ${col("f", earlier)}) * 1000)::bigint`;
  const inRange = (column: Prisma.Sql) => Prisma.sql`${column} >= ${from} AND ${column} < ${to}`;
  const shopIs = (table: string) => Prisma.sql`${col(table, "shopId")} = ${input.shopId}::uuid`;
  const closer = Prisma.sql`COALESCE(f."endedById", f."lastHolderId")::text`;
  /** A span lies within one UTC day, so the spans that touch the range start at most a day before it. */
  const spansTouchingRange = Prisma.sql`${shopIs("r")} AND r."firstAt" >= ${new Date(range.fromMs - 24 * 3_600_000)} AND r."firstAt" < ${to} AND r."lastAt" >= ${from}`;
  const hasReply = Prisma.sql`f."firstReplyMemberId" IS NOT NULL AND f."firstReplyAt" IS NOT NULL`;
  const responseMs = Prisma.sql`GREATEST(0, ${millisBetween("humanQueueAt", "firstReplyAt")})`;
  // Each kind of fact answers its columns as arrays, one element per fact: one aggregate over
  // the whole range instead of one array per bucket (thousands of small arrays cost several
  // times more in PostgreSQL than the bucketing does in the server). A fact's bucket travels as
  // one number, day × K + owner (owner 0 for nobody, else a position in the answer's owner
  // list), and what the server can derive is not sent.
  // The owner's position is a key lookup in one JSON object (a join with the member list was
  // planned as a nested loop over it for every fact).
  const bucket = Prisma.sql`b.d * k.k + CASE WHEN b.owner IS NULL THEN 0 ELSE COALESCE((k.positions ->> b.owner)::int, k.removed) END`;
  const columns = (names: Array<string | Prisma.Sql>, branch: Prisma.Sql) =>
    Prisma.sql`(SELECT json_build_array(${Prisma.join(names.map((name) => Prisma.sql`array_agg(${typeof name === "string" ? Prisma.raw(`b.${name}`) : name})`))})
      FROM (${branch}) b CROSS JOIN k)`;

  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT id::text AS id, row_number() OVER (ORDER BY id) AS position FROM "Member" WHERE "shopId" = ${input.shopId}::uuid
    ), k AS MATERIALIZED (
      -- K: the owner positions 0 (nobody), 1..n (the members), n + 1 (a removed author, or any
      -- owner no longer in the shop's member list, shown as "Removed member").
      SELECT count(*) + 2 AS k, count(*) + 1 AS removed, COALESCE(jsonb_object_agg(id, position), '{}') AS positions FROM m
    )
    SELECT json_build_array(
      (SELECT k FROM k),
      (SELECT COALESCE(array_agg(id ORDER BY position), '{}') FROM m),
      -- Response figures: sessions opened in the range that reached people; replied within 24 h
      -- is a first response of at most 24 h.
      ${columns([bucket, "first_response", "queue_wait"], Prisma.sql`
        SELECT ${dayOf(col("f", "openedAt"))} AS d, COALESCE(f."firstReplyMemberId", f."lastHolderId"::text) AS owner,
               CASE WHEN ${hasReply} THEN ${responseMs} END AS first_response,
               CASE WHEN f."firstAssignedAt" IS NOT NULL THEN GREATEST(0, ${millisBetween("humanQueueAt", "firstAssignedAt")}) END AS queue_wait
        FROM "AnalyticsSessionFact" f WHERE ${shopIs("f")} AND ${inRange(col("f", "openedAt"))} AND f."humanQueueAt" IS NOT NULL`)},
      -- Resolution: sessions ended in the range.
      ${columns([bucket, "resolution"], Prisma.sql`
        SELECT ${dayOf(col("f", "closedAt"))} AS d, ${closer} AS owner, GREATEST(0, ${millisBetween("openedAt", "closedAt")}) AS resolution
        FROM "AnalyticsSessionFact" f WHERE ${shopIs("f")} AND ${inRange(col("f", "closedAt"))} AND f.state = 'ended'`)},
      -- Satisfaction: ratings given in the range, as bucket × 2 + 1 when satisfied.
      ${columns([Prisma.sql`(${bucket}) * 2 + b.satisfied`], Prisma.sql`
        SELECT ${dayOf(col("f", "ratedAt"))} AS d, ${closer} AS owner, (f.rating >= ${SATISFIED_MIN_SCORE})::int AS satisfied
        FROM "AnalyticsSessionFact" f
        WHERE ${shopIs("f")} AND ${inRange(col("f", "ratedAt"))} AND f.state = 'ended' AND f."closedAt" IS NOT NULL AND f.rating IS NOT NULL`)},
      -- Replied buyers: a span's first reply (or the range's start), and each later day it reaches.
      -- A span lies within one UTC day, so it reaches at most two later shop days (three only
      -- around a 23-hour DST day); a join with 0..2 rather than generate_series, whose row estimate
      -- (a thousand a span) would make the planner compile the whole query with JIT (a second).
      ${columns([bucket, "buyer"], Prisma.sql`
        SELECT s.first_day + later.n AS d, s.owner, s.buyer
        FROM (
          SELECT ${dayOf(Prisma.sql`GREATEST(r."firstAt", ${from})`)} AS first_day, ${dayOf(col("r", "lastAt"))} AS last_day,
                 r."memberId" AS owner, r."buyerId"::text AS buyer
          FROM "AnalyticsReplySpan" r WHERE ${spansTouchingRange}
        ) s
        JOIN (VALUES (0), (1), (2)) AS later(n) ON s.first_day + later.n <= s.last_day`)},
      -- Conversion: orders attributed to a reply in the range.
      ${columns([bucket, "buyer", "same_currency", "total_minor"], Prisma.sql`
        SELECT ${dayOf(col("o", "replyAt"))} AS d, o."replyMemberId" AS owner, o."buyerId" AS buyer,
               (o.currency = ${input.currency}::text)::int AS same_currency, o."totalCents" AS total_minor
        FROM "AnalyticsOrderFact" o
        WHERE ${shopIs("o")} AND ${inRange(col("o", "replyAt"))} AND o.status::text <> ALL(${[...NON_REVENUE_ORDER_STATUSES]}::text[])`)}
    )::text AS answer`;
}
