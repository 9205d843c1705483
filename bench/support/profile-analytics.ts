// Where an analytics dashboard spends its time (issue 11 item 7): computing the range's buckets
// from the facts, merging them into the report, reading the days from the daily rollups, and the
// whole dashboard with cold and with stored rollups, a few times each, on the analytics
// benchmark's database. `npx tsx bench/support/profile-analytics.ts [conversations]`.
import { addDays, dayRange, localDayOf } from "../../src/core/analytics";
import { createPrismaClient } from "../../src/server/db/client";
import { buildAnalytics } from "../../src/server/services/analytics/read-analytics";
import { loadDayBuckets } from "../../src/server/services/analytics/day-rollups";
import { loadRangeBuckets } from "../../src/server/services/analytics/range-figures-sql";
import { reportFromBuckets } from "../../src/core/analytics";

const conversations = Number(process.argv[2] ?? 10_000);
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
url.pathname = `/cp_bench_analytics_${conversations}`;
const db = createPrismaClient(url.toString(), { max: 4 });
const shop = await db.shop.findFirstOrThrow({ where: { publicKey: "pk_bench_console" } });
const now = Date.parse("2025-06-01T12:00:00Z");
const today = localDayOf(now, shop.timeZone);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timed(label: string, work: () => Promise<unknown>) {
  const laps: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await work();
    laps.push(performance.now() - started);
  }
  console.log(`${label.padEnd(28)} median ${median(laps).toFixed(1)} ms of ${laps.map((lap) => lap.toFixed(0)).join(", ")}`);
}
for (const days of [30, 365]) {
  const range = dayRange(addDays(today, 1 - days), today, shop.timeZone);
  const query = { shopId: shop.id, range, timeZone: shop.timeZone, currency: shop.currency };
  await timed(`${days}d range buckets`, () => loadRangeBuckets(db, query));
  const buckets = await loadRangeBuckets(db, query);
  await timed(`${days}d report (${buckets.length} buckets)`, async () => reportFromBuckets(range, buckets));
  const dashboard = () => buildAnalytics(db, { shopId: shop.id, query: { from: range.firstDay, to: range.lastDay }, now: new Date(now) });
  await timed(`${days}d dashboard, cold`, async () => {
    await db.$executeRaw`DELETE FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.id}::uuid`;
    await dashboard();
  });
  await timed(`${days}d stored days`, () => loadDayBuckets(db, { ...query, ranges: [range], nowMs: now }));
  await timed(`${days}d dashboard, stored`, dashboard);
}
await db.$disconnect();
