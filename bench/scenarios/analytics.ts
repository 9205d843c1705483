// ANALYTICS-1..5, ANALYTICS-6, issue 11 item 7: the Service analytics dashboard as the page calls it
// (buildAnalytics: every card with its previous period, the daily trend and the per-agent table)
// for 30 and 365 days, cold (no daily rollup stored) and as the page reads it again (its past
// days from the rollups), on the console benchmark's generated shop (reused: years of sessions,
// 20 messages per conversation, orders) with the analytics facts it lacks added on top: agents'
// replies carry their author, ended sessions their ender and (for 60 %) a rating. That history is
// written in bulk SQL, not through the services, so the analytics facts are then built by the
// rebuild service (issue 11 item 5), timed. Measured at the full history and at a tenth of it, so
// growth shows; recompute_mismatches is the rebuild service's dry run over the benchmark shop
// (every stored fact against a fresh derivation from the raw tables), and every figure of the
// 30-day range is also recomputed by the naive plain-SQL implementation of the ANALYTICS-5 test.
//
// Default size 10,000 conversations (and 1,000 for the tenth), so a run takes about a minute on
// a shared machine; ANALYTICS_BENCH_FULL=1 (or --conversations=100000) runs the size.
import os from "node:os";
import pg from "pg";
import { isDeepStrictEqual } from "node:util";
import { createPrismaClient } from "../../src/server/db/client";
import { addDays, computeAnalytics, dayRange, localDayOf } from "../../src/core/analytics";
import { buildAnalytics } from "../../src/server/services/analytics/read-analytics";
import { rebuildAnalyticsFacts } from "../../src/server/services/analytics/rebuild-facts";
import { naiveAnalytics } from "../../tests/integration/analytics-naive-sql";
import { ensureData, NOW, SHOP_KEY } from "./console-queries";
import { round2, summarize, time } from "../stats";

const ZONE = "America/New_York";
const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(conversations: number): string {
  const url = new URL(BASE_URL);
  url.pathname = `/cp_bench_analytics_${conversations}`;
  return url.toString();
}

/** The facts the console generator leaves out; idempotent (a marker row says it was done). */
async function addAnalyticsFacts(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The console generator gives queued sessions an assignedAt; the product never does (a
    // requeue clears it, and nothing assigns without an Assignment record, ASSIGN-8).
    await client.query(`UPDATE "ChatSession" SET "assignedAt" = NULL WHERE state = 'queued' AND "assigneeId" IS NULL AND "assignedAt" IS NOT NULL`);
    const done = await client.query(`SELECT 1 FROM "Shop" WHERE "publicKey" = $1 AND "timeZone" = $2`, [SHOP_KEY, ZONE]);
    if (done.rowCount) return;
    console.log("adding analytics facts (reply authors, enders, ratings)…");
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query("BEGIN");
    // Every agent message is rewritten: without the trigram index the update is several times
    // faster, and the index is rebuilt once afterwards (as the console generator does).
    const bodyIndex = await client.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'Message_body_idx'`);
    await client.query(`DROP INDEX IF EXISTS "Message_body_idx"`);
    await client.query(`UPDATE "Message" m SET "authorMemberId" = s."assigneeId" FROM "ChatSession" s
      WHERE m."sessionId" = s.id AND m."authorType" = 'agent' AND s."assigneeId" IS NOT NULL`);
    if (bodyIndex.rows[0]) await client.query(bodyIndex.rows[0].def);
    await client.query(`UPDATE "ChatSession" SET "endedById" = "assigneeId",
        rating = CASE WHEN abs(hashtext(id::text)) % 10 < 6 THEN 1 + abs(hashtext(id::text || 'r')) % 5 END,
        "ratedAt" = CASE WHEN abs(hashtext(id::text)) % 10 < 6 THEN "closedAt" + interval '5 minutes' END
      WHERE state = 'ended'`);
    await client.query(`UPDATE "Shop" SET "timeZone" = $1 WHERE "publicKey" = $2`, [ZONE, SHOP_KEY]);
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

async function measureAt(conversations: number, runs: number) {
  const url = urlFor(conversations);
  const generation = await ensureData(url, { fresh: false, conversations });
  await addAnalyticsFacts(url);
  const db = createPrismaClient(url, { max: 10 });
  try {
    const shop = await db.shop.findFirstOrThrow({ where: { publicKey: SHOP_KEY }, select: { id: true } });
    const rebuildStarted = performance.now();
    const rebuild = await rebuildAnalyticsFacts(db, { shopId: shop.id, dryRun: false });
    const rebuildSeconds = round2((performance.now() - rebuildStarted) / 1000);
    console.log(`facts rebuilt in ${rebuildSeconds} s (${rebuild.differences} rows written or fixed)`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "AnalyticsSessionFact", "AnalyticsReplySpan", "AnalyticsOrderFact"`);
    const today = localDayOf(NOW.getTime(), ZONE);
    const dashboard = (days: number) => () =>
      buildAnalytics(db, { shopId: shop.id, query: days === 30 ? { preset: "30d" } : { from: addDays(today, 1 - days), to: today }, now: NOW });
    // Cold: no daily rollup stored, so every day of the range and of its previous period is
    // computed from the facts (and the days that are over are stored). Then the page's steady
    // state: the same dashboard again, its past days read from the rollups.
    const forgetRollups = () => db.$executeRaw`DELETE FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.id}::uuid`;
    const cold = (days: number) => async () => {
      await forgetRollups();
      const started = performance.now();
      await dashboard(days)();
      return performance.now() - started;
    };
    const coldRuns = 5;
    const d30Cold = summarize(await timeEach(cold(30), coldRuns));
    const d365Cold = summarize(await timeEach(cold(365), coldRuns));
    const d30 = summarize(await time(dashboard(30), { runs, warmup: 2 }));
    const d365 = summarize(await time(dashboard(365), { runs: Math.max(5, Math.round(runs / 2)), warmup: 1 }));
    const [stored] = await db.$queryRaw<Array<{ days: number }>>`SELECT count(*)::int AS days FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.id}::uuid`;
    return {
      db, shopId: shop.id, today, generation, d30, d365, d30Cold, d365Cold, rollupDays: stored!.days, rebuildSeconds,
      factRows: Object.fromEntries(rebuild.tables.map((t) => [t.table, t.expectedRows])),
    };
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}

/** Durations of runs of a task that times itself (the part after its own set-up). */
async function timeEach(task: () => Promise<number>, runs: number): Promise<number[]> {
  const laps: number[] = [];
  for (let index = 0; index < runs; index += 1) laps.push(await task());
  return laps;
}

/**
 * Every difference the rebuild service's dry run finds: stored facts against the raw tables, and
 * stored daily rollups against the facts.
 */
async function recomputeMismatches(measured: Awaited<ReturnType<typeof measureAt>>): Promise<number> {
  const report = await rebuildAnalyticsFacts(measured.db, { shopId: measured.shopId, dryRun: true });
  return report.differences;
}

/** Every (row, figure) pair of the 30-day range where the service and the naive SQL disagree. */
async function naiveMismatches(measured: Awaited<ReturnType<typeof measureAt>>): Promise<number> {
  const { db, shopId, today } = measured;
  const service = await buildAnalytics(db, { shopId, query: { preset: "30d" }, now: NOW });
  const naive = await naiveAnalytics(db, { shopId, timeZone: ZONE, currency: "USD", firstDay: addDays(today, -29), lastDay: today });
  let mismatches = 0;
  const compare = (a: object | undefined, b: object | undefined) => {
    for (const key of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
      if (!isDeepStrictEqual((a as Record<string, unknown> | undefined)?.[key], (b as Record<string, unknown> | undefined)?.[key])) mismatches += 1;
    }
  };
  compare(service.summary, naive.summary);
  const blank = computeAnalytics({ sessions: [], replies: [], orders: [], range: dayRange(today, today, ZONE), timeZone: ZONE, currency: "USD" }).summary;
  for (const row of service.daily) compare(row.figures, naive.daily.get(row.day) ?? blank);
  const agents = new Map(service.perAgent.map((row) => [row.memberId, row.figures]));
  for (const key of new Set([...agents.keys(), ...naive.perAgent.keys()])) compare(agents.get(key), naive.perAgent.get(key));
  return mismatches;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const conversations = Number(value("conversations") ?? (process.env.ANALYTICS_BENCH_FULL === "1" ? 100_000 : 10_000));
  const runs = Number(value("runs") ?? 30);
  const loadBefore = os.loadavg()[0]!;

  const tenth = await measureAt(Math.round(conversations / 10), runs);
  await tenth.db.$disconnect();
  const full = await measureAt(conversations, runs);
  try {
    const mismatches = await recomputeMismatches(full);
    const naive = await naiveMismatches(full);
    return {
      conversations: full.generation.conversations,
      messages: full.generation.messages,
      sessions: full.generation.sessions,
      orders: full.generation.orders,
      dashboard_30d_p50_ms: full.d30.p50_ms,
      dashboard_30d_p95_ms: full.d30.p95_ms,
      dashboard_365d_p50_ms: full.d365.p50_ms,
      dashboard_365d_p95_ms: full.d365.p95_ms,
      dashboard_30d_cold_p50_ms: full.d30Cold.p50_ms,
      dashboard_365d_cold_p50_ms: full.d365Cold.p50_ms,
      dashboard_365d_cold_max_ms: full.d365Cold.max_ms,
      rollup_days_stored: full.rollupDays,
      generate_seconds: full.generation.generate_seconds,
      conversations_at_10k: tenth.generation.conversations,
      dashboard_30d_p95_ms_at_10k: tenth.d30.p95_ms,
      dashboard_365d_p95_ms_at_10k: tenth.d365.p95_ms,
      dashboard_365d_cold_p50_ms_at_10k: tenth.d365Cold.p50_ms,
      growth_30d_vs_tenth: round2(full.d30.p95_ms / tenth.d30.p95_ms),
      recompute_mismatches: mismatches,
      naive_sql_mismatches_30d: naive,
      facts_rebuild_seconds: full.rebuildSeconds,
      fact_rows: full.factRows,
      runs_30d: full.d30.runs,
      runs_365d: full.d365.runs,
      cpus: os.cpus().length,
      load_average_1m_before: round2(loadBefore),
      load_average_1m_after: round2(os.loadavg()[0]!),
      detail: {
        full: { d30: full.d30, d365: full.d365, d30_cold: full.d30Cold, d365_cold: full.d365Cold },
        tenth: { d30: tenth.d30, d365: tenth.d365, d30_cold: tenth.d30Cold, d365_cold: tenth.d365Cold },
      },
    };
  } finally {
    await full.db.$disconnect();
  }
}
