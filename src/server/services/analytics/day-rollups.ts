// Issue 11 item 5 (docs/analytics.md "Fast on history"): the (owner) buckets of any shop days,
// read from the daily rollups where they are stored and computed from the facts where not. A
// day that is over is stored as it is computed; the day still running is computed on every read
// (its facts change all the time and are few). Every fact change deletes the rollups of the days
// it counts on, in its own transaction (the triggers of migration
// 20261207010613_analytics_day_rollups), so a stored day is always what its facts say now. The
// same migration explains the locks taken here: a day is stored only when no writer of its
// facts can be in flight.
import {
  addDays,
  BuyerNumbers,
  dayStartsOf,
  decodeDayRollup,
  encodeDayRollup,
  MS_PER_DAY,
  type DayRange,
  type LocalDay,
  type OwnerBucket,
  type ReadOwnerBucket,
} from "@/core/analytics";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";
import { loadRangeBuckets } from "@/server/services/analytics/range-figures-sql";

export interface DayRollupQuery {
  shopId: string;
  timeZone: string;
  currency: string;
  /** The ranges whose days are wanted (the range and its previous period); they may overlap. */
  ranges: readonly DayRange[];
  /** Days that ended by now are stored once computed. */
  nowMs: number;
}

/** Which shop, zone and currency a day is computed for. */
type DayKey = Pick<DayRollupQuery, "shopId" | "timeZone" | "currency">;

/** One shop day and its instants [startMs, endMs) in UTC. */
interface ShopDay {
  day: LocalDay;
  startMs: number;
  endMs: number;
}

/**
 * At most this many days are computed, and locked, by one query: it bounds the advisory locks
 * one transaction holds and how long a writer of an old day can wait for a reader.
 */
const DAYS_PER_COMPUTATION = 92;

/**
 * Every day of the ranges with its buckets (an empty list for a day without any), buyers
 * numbered for this read (BuyerNumbers).
 */
export async function loadDayBuckets(db: Database, query: DayRollupQuery): Promise<Map<LocalDay, ReadOwnerBucket[]>> {
  const days = shopDaysOf(query.ranges, query.timeZone);
  const byDay = new Map<LocalDay, OwnerBucket[]>();
  // Days still running are never stored: computed while the stored ones are read.
  const running = days.filter((day) => day.endMs > query.nowMs);
  const [stored, computedRunning] = await Promise.all([
    readStoredDays(db, query, days.filter((day) => day.endMs <= query.nowMs).map(({ day }) => day)),
    Promise.all(consecutiveRuns(running).map((run) => computeRun(db, query, run))),
  ]);
  for (const [day, buckets] of stored) byDay.set(day, buckets);
  for (const computed of computedRunning) for (const [day, buckets] of computed) byDay.set(day, buckets);
  for (const run of consecutiveRuns(days.filter(({ day }) => !byDay.has(day)))) {
    for (const [day, buckets] of await computeDays(db, query, run)) byDay.set(day, buckets);
  }
  const buyers = new BuyerNumbers();
  return new Map([...byDay].map(([day, buckets]) => [day, buckets.map((bucket) => buyers.bucket(bucket))]));
}

/**
 * Stored days already decoded in this process, per database client, by rollup row and its
 * version (xmin, which every insert or rewrite of the row changes; a deleted row is simply not
 * found). A year's dashboard then reads 729 row versions instead of 7 MB of text to parse. Least
 * recently used first out.
 */
const decodedDaysByClient = new WeakMap<object, Map<string, { version: string; buckets: OwnerBucket[] }>>();
/** About 2 years of each of a few busy shops; a decoded busy day takes tens of kilobytes. */
const DECODED_DAYS_KEPT = 2_000;

async function readStoredDays(db: Pick<Database, "$queryRaw">, query: DayKey, days: readonly LocalDay[]): Promise<Map<LocalDay, OwnerBucket[]>> {
  const byDay = new Map<LocalDay, OwnerBucket[]>();
  if (days.length === 0) return byDay;
  let decodedDays = decodedDaysByClient.get(db);
  if (!decodedDays) {
    decodedDays = new Map();
    decodedDaysByClient.set(db, decodedDays);
  }
  const keyOf = (day: LocalDay) => JSON.stringify([query.shopId, query.timeZone, query.currency, day]);
  const where = Prisma.sql`"shopId" = ${query.shopId}::uuid AND "timeZone" = ${query.timeZone} AND currency = ${query.currency}`;
  const versions = await db.$queryRaw<Array<{ day: string; version: string }>>`
    SELECT day::text AS day, xmin::text AS version FROM "AnalyticsDayRollup" WHERE ${where} AND day = ANY(${[...days]}::date[])`;
  const unread: LocalDay[] = [];
  for (const { day, version } of versions) {
    const key = keyOf(day);
    const cached = decodedDays.get(key);
    if (cached?.version !== version) {
      unread.push(day);
      continue;
    }
    decodedDays.delete(key);
    decodedDays.set(key, cached);
    byDay.set(day, cached.buckets);
  }
  if (unread.length === 0) return byDay;
  const rows = await db.$queryRaw<Array<{ day: string; version: string; buckets: string }>>`
    SELECT day::text AS day, xmin::text AS version, buckets FROM "AnalyticsDayRollup" WHERE ${where} AND day = ANY(${unread}::date[])`;
  for (const { day, version, buckets } of rows) {
    const decoded = decodeDayRollup(buckets);
    decodedDays.set(keyOf(day), { version, buckets: decoded });
    byDay.set(day, decoded);
  }
  for (const key of decodedDays.keys()) {
    if (decodedDays.size <= DECODED_DAYS_KEPT) break;
    decodedDays.delete(key);
  }
  return byDay;
}

/** The days of the ranges, once each, in order. */
function shopDaysOf(ranges: readonly DayRange[], timeZone: string): ShopDay[] {
  const byDay = new Map<LocalDay, ShopDay>();
  for (const range of ranges) {
    const starts = dayStartsOf(range, timeZone);
    starts.forEach((startMs, index) => {
      const day = addDays(range.firstDay, index);
      byDay.set(day, { day, startMs, endMs: starts[index + 1] ?? range.toMs });
    });
  }
  return [...byDay.values()].sort((a, b) => a.startMs - b.startMs);
}

/** Runs of consecutive days, each at most DAYS_PER_COMPUTATION long: one query each. */
function consecutiveRuns(days: readonly ShopDay[]): ShopDay[][] {
  const runs: ShopDay[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.length < DAYS_PER_COMPUTATION && run.at(-1)!.endMs === day.startMs) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

/** The UTC day numbers a shop day overlaps (the triggers' lock keys). */
function utcDaysOf({ startMs, endMs }: ShopDay): number[] {
  const days: number[] = [];
  for (let utcDay = Math.floor(startMs / MS_PER_DAY); utcDay <= Math.floor((endMs - 1) / MS_PER_DAY); utcDay += 1) days.push(utcDay);
  return days;
}

/** Computes a run of consecutive days that are over from the facts, and stores them. */
async function computeDays(db: Database, query: DayRollupQuery, over: readonly ShopDay[]): Promise<Map<LocalDay, OwnerBucket[]>> {
  return db.$transaction(async (tx) => {
    // The locks first, so that the facts read next include every writer of the locked days.
    const storable = await lockShopDays(tx, query.shopId, over);
    const byDay = await computeRun(tx, query, over);
    if (storable.length > 0) await storeDays(tx, query, storable, byDay);
    return byDay;
  }, { timeout: 60_000 });
}

async function computeRun(db: Pick<Database, "$queryRaw">, query: DayKey, run: readonly ShopDay[]): Promise<Map<LocalDay, OwnerBucket[]>> {
  const first = run[0]!;
  const last = run.at(-1)!;
  const range: DayRange = { firstDay: first.day, lastDay: last.day, fromMs: first.startMs, toMs: last.endMs };
  const byDay = new Map<LocalDay, OwnerBucket[]>(run.map(({ day }) => [day, []]));
  for (const { day, owner, sums } of await loadRangeBuckets(db, { shopId: query.shopId, range, timeZone: query.timeZone, currency: query.currency })) {
    byDay.get(day)!.push({ owner, sums });
  }
  return byDay;
}

/**
 * Takes, without waiting, the exclusive lock of each UTC day the shop days overlap (a writer of
 * the shop's facts holds it shared) and returns the shop days whose every UTC day it got: no
 * writer of their facts is in flight. Held until the transaction ends.
 */
async function lockShopDays(tx: Tx, shopId: string, days: readonly ShopDay[]): Promise<ShopDay[]> {
  const rows = await tx.$queryRaw<Array<{ utc_day: number }>>`
    SELECT d AS utc_day FROM unnest(${[...new Set(days.flatMap(utcDaysOf))]}::int[]) AS d
    WHERE pg_try_advisory_xact_lock(hashtext(${shopId}::uuid::text), d)`;
  const locked = new Set(rows.map((row) => row.utc_day));
  return days.filter((day) => utcDaysOf(day).every((utcDay) => locked.has(utcDay)));
}

async function storeDays(tx: Tx, query: DayKey, days: readonly ShopDay[], byDay: ReadonlyMap<LocalDay, OwnerBucket[]>): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "AnalyticsDayRollup" ("shopId", "timeZone", currency, day, "dayStart", "dayEnd", buckets)
    SELECT ${query.shopId}::uuid, ${query.timeZone}, ${query.currency}, d.day, d.day_start, d.day_end, d.buckets
    FROM unnest(
      ${days.map(({ day }) => day)}::date[],
      ${days.map(({ startMs }) => new Date(startMs).toISOString())}::timestamp[],
      ${days.map(({ endMs }) => new Date(endMs).toISOString())}::timestamp[],
      ${days.map(({ day }) => encodeDayRollup(byDay.get(day)!))}::text[]
    ) AS d(day, day_start, day_end, buckets)
    ON CONFLICT ("shopId", "timeZone", currency, day) DO UPDATE
      SET "dayStart" = EXCLUDED."dayStart", "dayEnd" = EXCLUDED."dayEnd", buckets = EXCLUDED.buckets, "computedAt" = now()`;
}

export interface RollupCheck {
  /** Stored days compared with a fresh computation from the facts. */
  checkedDays: number;
  /** Stored days a writer was changing during the check: left for the next check. */
  skippedDays: number;
  differences: number;
  /** The first differing days, as "<day> <zone> <currency>". */
  examples: string[];
}

/**
 * The rebuild's check of the rollups (issue 11 item 5): every stored day of the shop computed
 * again from the facts and compared as canonical text; unless dryRun, a differing day is deleted
 * (the next read computes it again). Each run of days is checked under the same locks a read
 * takes to store, so a day being written meanwhile is skipped rather than reported.
 */
export async function checkDayRollups(db: Database, input: { shopId: string; dryRun: boolean; examples: number }): Promise<RollupCheck> {
  const rows = await db.$queryRaw<Array<{ timeZone: string; currency: string; day: string; startMs: number; endMs: number }>>`
    SELECT "timeZone", currency, day::text AS day,
           (extract(epoch FROM "dayStart") * 1000)::float8 AS "startMs", (extract(epoch FROM "dayEnd") * 1000)::float8 AS "endMs"
    FROM "AnalyticsDayRollup" WHERE "shopId" = ${input.shopId}::uuid ORDER BY "timeZone", currency, "dayStart"`;
  const check: RollupCheck = { checkedDays: 0, skippedDays: 0, differences: 0, examples: [] };
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = JSON.stringify([row.timeZone, row.currency]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    const { timeZone, currency } = group[0]!;
    const key: DayKey = { shopId: input.shopId, timeZone, currency };
    for (const run of consecutiveRuns(group.map(({ day, startMs, endMs }) => ({ day, startMs, endMs })))) {
      await db.$transaction(async (tx) => {
        const checkable = await lockShopDays(tx, input.shopId, run);
        check.skippedDays += run.length - checkable.length;
        if (checkable.length === 0) return;
        const stored = new Map((await tx.$queryRaw<Array<{ day: string; buckets: string }>>`
          SELECT day::text AS day, buckets FROM "AnalyticsDayRollup"
          WHERE "shopId" = ${input.shopId}::uuid AND "timeZone" = ${timeZone} AND currency = ${currency}
            AND day = ANY(${checkable.map(({ day }) => day)}::date[])`).map((row) => [row.day, row.buckets]));
        const fresh = await computeRun(tx, key, run);
        const differing = checkable.filter(({ day }) => stored.has(day) && stored.get(day) !== encodeDayRollup(fresh.get(day)!));
        check.checkedDays += stored.size;
        check.differences += differing.length;
        for (const { day } of differing.slice(0, Math.max(0, input.examples - check.examples.length))) check.examples.push(`${day} ${timeZone} ${currency}`);
        if (!input.dryRun && differing.length > 0) {
          await tx.$executeRaw`DELETE FROM "AnalyticsDayRollup" WHERE "shopId" = ${input.shopId}::uuid AND "timeZone" = ${timeZone}
            AND currency = ${currency} AND day = ANY(${differing.map(({ day }) => day)}::date[])`;
        }
      }, { timeout: 60_000 });
    }
  }
  return check;
}
