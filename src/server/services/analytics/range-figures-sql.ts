// ANALYTICS-1..4, issue 11 item 5: the (shop day, owner) buckets of one date range, summed by
// the database from the stored facts (facts.ts keeps them with every event). A year holds tens
// of thousands of sessions and replies: one query puts each fact in its bucket and answers a few
// thousand buckets, each with its counts, its time samples and its replied and ordering buyers;
// reportFromBuckets (src/core/analytics/figures.ts) merges them into the summary, the daily series
// and the per-agent table and takes the medians. The grouping is a hash aggregate over index
// range scans: no sort of the range's facts, no scan of the shop's history.
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
  type BucketSums,
  type DayOwnerBucket,
  type DayRange,
  type LocalDay,
} from "@/core/analytics";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";

/** One array per column, an element per fact; null when no fact of that kind is in the range. */
type Columns<T extends unknown[]> = { [K in keyof T]: T[K][] | null };
/** An owner's 1-based position in the member list, or null with the id itself (null: nobody). */
type Owner = [position: number | null, id: string | null];
type RangeAnswer = [
  members: string[],
  responses: Columns<[day: number, ...owner: Owner, repliedWithin24h: number, firstResponseMs: number | null, queueWaitMs: number | null]>,
  resolutions: Columns<[day: number, ...owner: Owner, resolutionMs: number]>,
  ratings: Columns<[day: number, ...owner: Owner, satisfied: number]>,
  /** Buyers of replies as their rank among the range's replied buyers. */
  replies: Columns<[day: number, ...owner: Owner, buyer: number]>,
  orders: Columns<[day: number, ...owner: Owner, buyer: string, sameCurrency: number, totalMinor: number]>,
];

interface FilledSums extends BucketSums {
  repliedBuyers: number[];
  orderingBuyers: string[];
  firstResponseMs: number[];
  resolutionMs: number[];
  queueWaitMs: number[];
}

/** The (day, owner) buckets being filled, a map of owners per day of the range. */
class BucketTable {
  private readonly byDay: Array<Map<string | null, FilledSums>>;

  constructor(private readonly days: readonly LocalDay[]) {
    this.byDay = days.map(() => new Map());
  }

  /** The bucket of a 1-based day index and an owner. */
  at(day: number, owner: string | null): FilledSums {
    const owners = this.byDay[day - 1]!;
    let sums = owners.get(owner);
    if (!sums) {
      sums = {
        opened: 0, repliedWithin24h: 0, sessionsHandled: 0, rated: 0, satisfied: 0, revenueMinor: 0, orders: 0, otherCurrencyOrders: 0,
        repliedBuyers: [], orderingBuyers: [], firstResponseMs: [], resolutionMs: [], queueWaitMs: [],
      };
      owners.set(owner, sums);
    }
    return sums;
  }

  buckets(): DayOwnerBucket[] {
    return this.byDay.flatMap((owners, index) => [...owners].map(([owner, sums]) => ({ day: this.days[index]!, owner, sums })));
  }
}

/** The buckets of a range for the shop, or only those credited to `onlyMemberId`. */
export async function loadRangeBuckets(db: Database, input: RangeBucketsQuery): Promise<DayOwnerBucket[]> {
  const [row] = await db.$queryRaw<Array<{ answer: string }>>(rangeBucketsSql(input));
  const [members, responses, resolutions, ratings, replies, orders] = JSON.parse(row!.answer) as RangeAnswer;
  const table = new BucketTable(daysOf(input.range));
  // Calls add(index, bucket) for each fact of one kind: its columns are [day, position, id, ...].
  const each = (facts: Array<unknown[] | null>, add: (index: number, sums: FilledSums) => void) => {
    const [days, positions, ids] = facts as [number[] | null, Array<number | null>, Array<string | null>];
    days?.forEach((day, index) => {
      const position = positions[index]!;
      add(index, table.at(day, position === null ? ids[index]! : members[position - 1]!));
    });
  };
  each(responses, (index, sums) => {
    const firstResponseMs = responses[4]![index]!;
    const queueWaitMs = responses[5]![index]!;
    sums.opened += 1;
    sums.repliedWithin24h += responses[3]![index]!;
    if (firstResponseMs !== null) {
      sums.sessionsHandled += 1;
      sums.firstResponseMs.push(firstResponseMs);
    }
    if (queueWaitMs !== null) sums.queueWaitMs.push(queueWaitMs);
  });
  each(resolutions, (index, sums) => sums.resolutionMs.push(resolutions[3]![index]!));
  each(ratings, (index, sums) => {
    sums.rated += 1;
    sums.satisfied += ratings[3]![index]!;
  });
  each(replies, (index, sums) => sums.repliedBuyers.push(replies[3]![index]!));
  each(orders, (index, sums) => {
    sums.orderingBuyers.push(orders[3]![index]!);
    // An order in another currency is counted apart, never summed into the shop's revenue.
    if (orders[4]![index] === 1) {
      sums.orders += 1;
      sums.revenueMinor += orders[5]![index]!;
    } else {
      sums.otherCurrencyOrders += 1;
    }
  });
  return table.buckets();
}

export interface RangeBucketsQuery {
  shopId: string;
  range: DayRange;
  timeZone: string;
  currency: string;
  onlyMemberId?: string;
}

/** The one query: its answer is a RangeAnswer in JSON. */
export function rangeBucketsSql(input: RangeBucketsQuery): Prisma.Sql {
  const { range } = input;
  const starts = dayStartsOf(range, input.timeZone);
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const ms = (column: Prisma.Sql) => Prisma.sql`round(date_part('epoch', ${column}) * 1000)::bigint`;
  const col = (table: string, column: string) => Prisma.raw(`${table}."${column}"`);
  const fact = (column: string) => ms(col("f", column));
  const dayOf = (instantMs: Prisma.Sql) => Prisma.sql`width_bucket(${instantMs}, ${starts}::bigint[])`;
  const inRange = (column: Prisma.Sql) => Prisma.sql`${column} >= ${from} AND ${column} < ${to}`;
  const shopIs = (table: string) => Prisma.sql`${col(table, "shopId")} = ${input.shopId}::uuid`;
  const closer = Prisma.sql`COALESCE(f."endedById", f."lastHolderId")::text`;
  const hasReply = Prisma.sql`f."firstReplyMemberId" IS NOT NULL AND f."firstReplyAt" IS NOT NULL`;
  const responseMs = Prisma.sql`GREATEST(0, ${fact("firstReplyAt")} - ${fact("humanQueueAt")})`;
  const scope = input.onlyMemberId === undefined ? Prisma.empty : Prisma.sql`WHERE b.owner = ${input.onlyMemberId}::text`;
  // Each kind of fact answers its columns as arrays, one element per fact: one aggregate over
  // the whole range instead of one array per bucket (thousands of small arrays cost several
  // times more in PostgreSQL than the bucketing does in the server). Owners travel as positions
  // in the shop's member list (the id itself only for one not in it: "removed", or a deleted
  // member's), buyers of replies as ranks: a year's answer is a few megabytes less.
  const aggregate = (name: string) =>
    name === "owner" ? `array_agg(m.position), array_agg(CASE WHEN m.position IS NULL THEN b.owner END)` : `array_agg(b.${name})`;
  const columns = (names: string[], branch: Prisma.Sql) =>
    Prisma.sql`(SELECT json_build_array(${Prisma.raw(names.map(aggregate).join(", "))}) FROM (${branch}) b LEFT JOIN m ON m.id = b.owner ${scope})`;

  return Prisma.sql`
    WITH m AS MATERIALIZED (SELECT id::text AS id, row_number() OVER (ORDER BY id) AS position FROM "Member" WHERE "shopId" = ${input.shopId}::uuid)
    SELECT json_build_array(
      (SELECT COALESCE(array_agg(id ORDER BY position), '{}') FROM m),
      -- Response figures: sessions opened in the range that reached people.
      ${columns(["d", "owner", "replied", "first_response", "queue_wait"], Prisma.sql`
        SELECT ${dayOf(fact("openedAt"))} AS d, COALESCE(f."firstReplyMemberId", f."lastHolderId"::text) AS owner,
               (${hasReply} AND ${responseMs} <= ${RESPONSE_WINDOW_MS})::int AS replied,
               CASE WHEN ${hasReply} THEN ${responseMs} END AS first_response,
               CASE WHEN f."firstAssignedAt" IS NOT NULL THEN GREATEST(0, ${fact("firstAssignedAt")} - ${fact("humanQueueAt")}) END AS queue_wait
        FROM "AnalyticsSessionFact" f WHERE ${shopIs("f")} AND ${inRange(col("f", "openedAt"))} AND f."humanQueueAt" IS NOT NULL`)},
      -- Resolution: sessions ended in the range.
      ${columns(["d", "owner", "resolution"], Prisma.sql`
        SELECT ${dayOf(fact("closedAt"))} AS d, ${closer} AS owner, GREATEST(0, ${fact("closedAt")} - ${fact("openedAt")}) AS resolution
        FROM "AnalyticsSessionFact" f WHERE ${shopIs("f")} AND ${inRange(col("f", "closedAt"))} AND f.state = 'ended'`)},
      -- Satisfaction: ratings given in the range.
      ${columns(["d", "owner", "satisfied"], Prisma.sql`
        SELECT ${dayOf(fact("ratedAt"))} AS d, ${closer} AS owner, (f.rating >= ${SATISFIED_MIN_SCORE})::int AS satisfied
        FROM "AnalyticsSessionFact" f
        WHERE ${shopIs("f")} AND ${inRange(col("f", "ratedAt"))} AND f.state = 'ended' AND f."closedAt" IS NOT NULL AND f.rating IS NOT NULL`)},
      -- Replied buyers: a span's first reply (or the range's start), and each later day it reaches.
      -- A span lies within one UTC day, so it reaches at most two later shop days (three only
      -- around a 23-hour DST day); a join with 0..2 rather than generate_series, whose row estimate
      -- (a thousand a span) would make the planner compile the whole query with JIT (a second).
      ${columns(["d", "owner", "buyer"], Prisma.sql`
        SELECT s.first_day + later.n AS d, s.owner, s.buyer
        FROM (
          SELECT ${dayOf(Prisma.sql`GREATEST(${ms(col("r", "firstAt"))}, ${range.fromMs}::bigint)`)} AS first_day, ${dayOf(ms(col("r", "lastAt")))} AS last_day,
                 r."memberId" AS owner, dense_rank() OVER (ORDER BY r."buyerId") AS buyer
          FROM "AnalyticsReplySpan" r
          WHERE ${shopIs("r")} AND r."firstAt" >= ${new Date(range.fromMs - 24 * 3_600_000)} AND r."firstAt" < ${to} AND r."lastAt" >= ${from}
        ) s
        JOIN (VALUES (0), (1), (2)) AS later(n) ON s.first_day + later.n <= s.last_day`)},
      -- Conversion: orders attributed to a reply in the range.
      ${columns(["d", "owner", "buyer", "same_currency", "total_minor"], Prisma.sql`
        SELECT ${dayOf(ms(col("o", "replyAt")))} AS d, o."replyMemberId" AS owner, o."buyerId" AS buyer,
               (o.currency = ${input.currency}::text)::int AS same_currency, o."totalCents" AS total_minor
        FROM "AnalyticsOrderFact" o
        WHERE ${shopIs("o")} AND ${inRange(col("o", "replyAt"))} AND o.status::text <> ALL(${[...NON_REVENUE_ORDER_STATUSES]}::text[])`)}
    )::text AS answer`;
}
