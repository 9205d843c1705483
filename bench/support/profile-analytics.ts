// Where a 365-day analytics dashboard spends its time (issue 11 item 7): each query and the
// computation, once, on the analytics benchmark's database. `npx tsx bench/support/profile-analytics.ts [conversations]`.
import { computeAnalytics, dayRange, addDays, localDayOf } from "../../src/core/analytics";
import { createPrismaClient } from "../../src/server/db/client";
import { loadOrderFacts, loadReplyFacts, loadSessionSums } from "../../src/server/services/analytics/load-facts";

const conversations = Number(process.argv[2] ?? 10_000);
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
url.pathname = `/cp_bench_analytics_${conversations}`;
const db = createPrismaClient(url.toString(), { max: 4 });
const shop = await db.shop.findFirstOrThrow({ where: { publicKey: "pk_bench_console" } });
const today = localDayOf(Date.parse("2025-06-01T12:00:00Z"), shop.timeZone);
for (const days of [30, 365]) {
  const range = dayRange(addDays(today, 1 - days), today, shop.timeZone);
  const lap = (label: string, started: number) => console.log(`${days}d ${label.padEnd(10)} ${(performance.now() - started).toFixed(1)} ms`);
  let t = performance.now();
  const replies = await loadReplyFacts(db, shop.id, range, shop.timeZone);
  lap(`replies ${replies.length}`, t);
  t = performance.now();
  const sessionSums = await loadSessionSums(db, shop.id, range, shop.timeZone);
  lap(`session buckets ${sessionSums.length}`, t);
  t = performance.now();
  const orders = await loadOrderFacts(db, shop.id, range);
  lap(`orders ${orders.length}`, t);
  t = performance.now();
  computeAnalytics({ sessions: [], sessionSums, replies, orders: [], attributedOrders: orders, range, timeZone: shop.timeZone, currency: shop.currency });
  lap("compute", t);
}
await db.$disconnect();
