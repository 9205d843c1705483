// ANALYTICS-1..5 on real PostgreSQL: the service's figures equal a naive plain-SQL recomputation
// on a generated shop (every figure, summary, daily and per agent), days follow the shop's time
// zone around midnight and DST, and agents see only their own figures.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { daysOf, type Figures } from "../../src/core/analytics";
import { buildAnalytics, readAnalytics } from "../../src/server/services/analytics/read-analytics";
import { exportAnalyticsCsv } from "../../src/server/services/analytics/export-analytics-csv";
import { refreshSessionFacts } from "../../src/server/services/analytics/facts";
import { rebuildAnalyticsFacts } from "../../src/server/services/analytics/rebuild-facts";
import { upsertOrder } from "../../src/server/services/integration/upsert-order";
import { OrderUpsertSchema } from "../../src/shared/api-v1-schemas";
import { assignQueuedSession } from "../../src/server/services/assignment/assign-manually";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { generateShop, type GeneratedShop } from "./analytics-generator";
import { naiveAnalytics } from "./analytics-naive-sql";

const { db, url } = await useTestDatabase();
const ZONE = "America/New_York";
let shop: GeneratedShop;

beforeAll(async () => {
  // 40 days from 2026-02-20 (New York midnight), across the DST change of 2026-03-08.
  shop = await generateShop(db, { seed: 11, startMs: Date.parse("2026-02-20T05:00:00Z"), days: 40, timeZone: ZONE, sessionsPerDay: 3 });
}, 600_000);

const blank = (): Figures => ({
  responseRate: { replied: 0, opened: 0, rate: null },
  satisfaction: { satisfied: 0, rated: 0, rate: null },
  conversion: { revenueMinor: 0, orders: 0, otherCurrencyOrders: 0, repliedBuyers: 0, orderingBuyers: 0, share: null },
  firstResponse: { count: 0, medianMs: null, p90Ms: null },
  resolution: { count: 0, medianMs: null, p90Ms: null },
  queueWait: { count: 0, medianMs: null, p90Ms: null },
  sessionsHandled: 0,
});

describe("ANALYTICS-5 the figures equal a naive plain-SQL recomputation on a generated shop", () => {
  it.each([
    ["the whole period", "2026-02-20", "2026-03-31"],
    ["the DST week", "2026-03-05", "2026-03-11"],
    ["the 23-hour DST day", "2026-03-08", "2026-03-08"],
    ["a 30-day range", "2026-03-01", "2026-03-30"],
  ])("ANALYTICS-5 ANALYTICS-1 ANALYTICS-2 ANALYTICS-3 ANALYTICS-4 %s: summary, daily series and per-agent table", async (_, from, to) => {
    const service = await buildAnalytics(db, { shopId: shop.shopId, query: { from, to }, now: new Date(shop.endMs) });
    const naive = await naiveAnalytics(db, { shopId: shop.shopId, timeZone: ZONE, currency: "USD", firstDay: from, lastDay: to });
    expect(service.summary).toEqual(naive.summary);
    expect(service.daily.map((d) => d.day)).toEqual(daysOf({ firstDay: from, lastDay: to }));
    for (const { day, figures } of service.daily) expect(figures, day).toEqual(naive.daily.get(day) ?? blank());
    expect(new Map(service.perAgent.map((row) => [row.memberId, row.figures]))).toEqual(naive.perAgent);
    // The cards' previous period (the same number of days just before) is summed on its own.
    const before = await naiveAnalytics(db, {
      shopId: shop.shopId, timeZone: ZONE, currency: "USD", firstDay: service.previousRange.firstDay, lastDay: service.previousRange.lastDay,
    });
    expect(service.previousSummary).toEqual(before.summary);
    // The generated shop really exercises the figures.
    if (from === "2026-02-20") {
      expect(service.summary.responseRate.opened).toBeGreaterThan(50);
      expect(service.summary.satisfaction.rated).toBeGreaterThan(5);
      expect(service.summary.conversion.orders).toBeGreaterThan(5);
      expect(service.summary.resolution.count).toBeGreaterThan(10);
      expect(service.perAgent.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("ANALYTICS-4 an agent sees exactly their own row of the owner's table, and nothing of the others", async () => {
    const [owner, , ava] = shop.members;
    const query = { from: "2026-02-20", to: "2026-03-31" };
    const all = await readAnalytics(db, { actor: owner!, query, now: new Date(shop.endMs) });
    const own = await readAnalytics(db, { actor: ava!, query, now: new Date(shop.endMs) });
    expect(all.scope).toBe("shop");
    expect(own.scope).toBe("own");
    expect(own.perAgent.map((row) => row.memberId)).toEqual([ava!.memberId]);
    expect(own.summary).toEqual(all.perAgent.find((row) => row.memberId === ava!.memberId)!.figures);
  });

  it("ANALYTICS-4 a bad range is refused with field errors", async () => {
    const [owner] = shop.members;
    await expect(readAnalytics(db, { actor: owner!, query: { from: "2026-03-10", to: "2026-03-01" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(readAnalytics(db, { actor: owner!, query: { from: "2024-01-01", to: "2026-01-01" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(readAnalytics(db, { actor: owner!, query: { from: "2026-02-30", to: "2026-03-01" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(readAnalytics(db, { actor: owner!, query: { preset: "1y" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("ANALYTICS-5 daily rollups: past days are stored, and a later change to their facts shows at once", () => {
  const range = { from: "2026-02-20", to: "2026-03-31" };
  const read = () => buildAnalytics(db, { shopId: shop.shopId, query: range, now: new Date(shop.endMs) });
  const naive = () => naiveAnalytics(db, { shopId: shop.shopId, timeZone: ZONE, currency: "USD", firstDay: range.from, lastDay: range.to });
  const storedDays = async () =>
    (await db.$queryRaw<Array<{ day: string }>>`SELECT day::text AS day FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.shopId}::uuid ORDER BY day`).map(({ day }) => day);

  it("ANALYTICS-5 a read stores every day that is over, and an order cancelled afterwards leaves its reply's day at once", async () => {
    await read();
    expect(await storedDays()).toEqual(daysOf({ firstDay: "2026-01-11", lastDay: "2026-03-31" }));
    const fact = await db.analyticsOrderFact.findFirstOrThrow({
      where: { shopId: shop.shopId, replyAt: { not: null }, status: { notIn: ["cancelled", "returned"] }, currency: "USD", totalCents: { gt: 0 } },
      include: { order: { include: { buyer: true } } },
    });
    const { order } = fact;
    const before = await read();
    expect(await upsertOrder(db, {
      shopId: shop.shopId,
      order: OrderUpsertSchema.parse({
        externalId: order.externalId, status: "cancelled", totalCents: order.totalCents, currency: order.currency, placedAt: order.placedAt.toISOString(),
        buyer: { externalId: order.buyer.externalId, nickname: order.buyer.nickname }, items: [{ name: "Thing", quantity: 1, priceCents: order.totalCents }],
      }),
    })).toMatchObject({ data: { created: false } });
    const after = await read();
    expect(after.summary.conversion.revenueMinor).toBe(before.summary.conversion.revenueMinor - order.totalCents);
    expect(after.summary).toEqual((await naive()).summary);
  });

  it("ANALYTICS-5 a day whose facts a writer is still changing is not stored by a read meanwhile, and the read does not wait", async () => {
    const fact = await db.analyticsSessionFact.findFirstOrThrow({ where: { shopId: shop.shopId, state: "ended", rating: { not: null }, ratedAt: { not: null } }, orderBy: { ratedAt: "asc" } });
    const ratedDay = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(fact.ratedAt!);
    await db.$executeRaw`DELETE FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.shopId}::uuid`;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // The event path's own shape: the raw row and its fact changed in one transaction, held open.
    const writer = db.$transaction(async (tx) => {
      await tx.chatSession.update({ where: { id: fact.sessionId }, data: { rating: fact.rating! >= 4 ? 1 : 5 } });
      await refreshSessionFacts(tx, shop.shopId, [fact.sessionId]);
      written();
      await released;
    }, { timeout: 60_000 });
    await wrote;
    const during = await read();
    expect(await storedDays()).not.toContain(ratedDay);
    expect((await storedDays()).length).toBeGreaterThan(60);
    release();
    await writer;
    const after = await read();
    expect(after.summary.satisfaction.satisfied).toBe(during.summary.satisfaction.satisfied + (fact.rating! >= 4 ? -1 : 1));
    expect(after.summary).toEqual((await naive()).summary);
    expect(await storedDays()).toContain(ratedDay);
  });
});

describe("ANALYTICS-4 the CSV export has the numbers of the API", () => {
  const columns: Record<string, (f: Figures) => number | null> = {
    sessions_opened: (f) => f.responseRate.opened,
    replied_within_24h: (f) => f.responseRate.replied,
    response_rate_24h: (f) => f.responseRate.rate,
    sessions_handled: (f) => f.sessionsHandled,
    rated: (f) => f.satisfaction.rated,
    satisfied: (f) => f.satisfaction.satisfied,
    satisfaction_rate: (f) => f.satisfaction.rate,
    conversion_orders: (f) => f.conversion.orders,
    conversion_revenue_minor: (f) => f.conversion.revenueMinor,
    conversion_revenue: (f) => f.conversion.revenueMinor / 100,
    other_currency_orders: (f) => f.conversion.otherCurrencyOrders,
    replied_buyers: (f) => f.conversion.repliedBuyers,
    ordering_buyers: (f) => f.conversion.orderingBuyers,
    ordering_share: (f) => f.conversion.share,
    first_response_median_ms: (f) => f.firstResponse.medianMs,
    first_response_p90_ms: (f) => f.firstResponse.p90Ms,
    resolution_median_ms: (f) => f.resolution.medianMs,
    resolution_p90_ms: (f) => f.resolution.p90Ms,
    queue_wait_median_ms: (f) => f.queueWait.medianMs,
    queue_wait_p90_ms: (f) => f.queueWait.p90Ms,
  };

  it("ANALYTICS-4 every day row, agent row and the total equal the API's figures; agents may not export", async () => {
    const [owner, , ava] = shop.members;
    const query = { from: "2026-03-01", to: "2026-03-14" };
    const now = new Date(shop.endMs);
    const api = await buildAnalytics(db, { shopId: shop.shopId, query, now });
    const file = await exportAnalyticsCsv(db, { actor: owner!, query, now });
    expect(file.fileName).toBe("analytics-2026-03-01-to-2026-03-14.csv");
    const text = await new Response(file.body).text();
    const [header, ...rows] = text.trim().split("\n").map((line) => line.split(","));
    const cell = (row: string[], name: string) => row[header!.indexOf(name)]!;
    expect(rows).toHaveLength(1 + api.daily.length + api.perAgent.length);
    const expected = [
      ...[api.summary].map((figures) => ({ section: "total", key: "", figures })),
      ...api.daily.map((d) => ({ section: "day", key: d.day, figures: d.figures })),
      ...api.perAgent.map((r) => ({ section: "agent", key: r.memberId ?? "", figures: r.figures })),
    ];
    expected.forEach((want, index) => {
      const row = rows[index]!;
      expect(cell(row, "section")).toBe(want.section);
      if (want.section === "day") expect(cell(row, "day")).toBe(want.key);
      if (want.section === "agent") expect(cell(row, "member_id")).toBe(want.key);
      for (const [name, read] of Object.entries(columns)) {
        const value = read(want.figures);
        const written = cell(row, name);
        if (value === null) expect(written, name).toBe("");
        else expect(Number(written), `${want.section} ${want.key} ${name}`).toBeCloseTo(value, 6);
      }
    });
    await expect(exportAnalyticsCsv(db, { actor: ava!, query, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ANALYTICS-4 days are the shop's days, around midnight and DST", () => {
  async function shopIn(timeZone: string) {
    const created = await createShop(db);
    await db.shop.update({ where: { id: created.id }, data: { timeZone } });
    let count = 0;
    return {
      shopId: created.id,
      open: async (iso: string) => {
        const buyer = await createBuyer(db, { shopId: created.id });
        await ingestBuyerMessage(db, { shopId: created.id, buyerId: buyer.id, clientId: `tz-${count++}`, content: { kind: "text", body: "Hi" }, now: new Date(iso) });
      },
      openedPerDay: async (from: string, to: string) => {
        const report = await buildAnalytics(db, { shopId: created.id, query: { from, to }, now: new Date(`${to}T12:00:00Z`) });
        return Object.fromEntries(report.daily.map((d) => [d.day, d.figures.responseRate.opened]));
      },
    };
  }

  it("ANALYTICS-4 a chat at 23:30 in Jakarta counts on that Jakarta day, one at 00:10 on the next", async () => {
    const jakarta = await shopIn("Asia/Jakarta");
    await jakarta.open("2026-05-10T16:30:00Z"); // 23:30 WIB, 10 May
    await jakarta.open("2026-05-10T16:59:59.999Z"); // 23:59:59.999 WIB
    await jakarta.open("2026-05-10T17:10:00Z"); // 00:10 WIB, 11 May
    expect(await jakarta.openedPerDay("2026-05-10", "2026-05-11")).toEqual({ "2026-05-10": 2, "2026-05-11": 1 });
  });

  it("ANALYTICS-4 New York's 23-hour and 25-hour days hold exactly their own chats", async () => {
    const newYork = await shopIn("America/New_York");
    await newYork.open("2026-03-08T04:30:00Z"); // 23:30 EST, 7 March
    await newYork.open("2026-03-08T05:30:00Z"); // 00:30 EST, 8 March (the 23-hour day)
    await newYork.open("2026-03-09T03:30:00Z"); // 23:30 EDT, 8 March
    await newYork.open("2026-03-09T04:00:00Z"); // 00:00 EDT, 9 March
    await newYork.open("2026-11-01T05:30:00Z"); // 01:30 EDT, 1 November (the 25-hour day)
    await newYork.open("2026-11-01T06:30:00Z"); // 01:30 EST, 1 November, again
    await newYork.open("2026-11-02T04:59:00Z"); // 23:59 EST, 1 November
    expect(await newYork.openedPerDay("2026-03-07", "2026-03-09")).toEqual({ "2026-03-07": 1, "2026-03-08": 2, "2026-03-09": 1 });
    expect(await newYork.openedPerDay("2026-11-01", "2026-11-01")).toEqual({ "2026-11-01": 3 });
  });
});

describe("ANALYTICS-4 a first reply long after the range", () => {
  it("ANALYTICS-1 ANALYTICS-4 a chat first answered 9 days after its day counts with that wait, and not within 24 h", async () => {
    const created = await createShop(db);
    const owner = (await resolveMemberContext(db, { userId: (await createMember(db, { shopId: created.id, role: "owner" })).userId, shopId: created.id }))!;
    const buyer = await createBuyer(db, { shopId: created.id });
    const opened = new Date("2026-06-01T10:00:00Z");
    const result = await ingestBuyerMessage(db, { shopId: created.id, buyerId: buyer.id, clientId: "late-1", content: { kind: "text", body: "Hello" }, now: opened });
    const sessionId = result.data.openedSessionId!;
    await assignQueuedSession(db, { member: owner, sessionId, targetMemberId: owner.memberId, now: new Date(opened.getTime() + 60_000) });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
    const repliedAt = new Date(opened.getTime() + 9 * 86_400_000);
    await sendAgentMessage(db, { member: owner, conversationId: session.conversationId, clientId: "late-2", content: { kind: "text", body: "Sorry!" }, now: repliedAt });
    const report = await buildAnalytics(db, { shopId: created.id, query: { from: "2026-06-01", to: "2026-06-01" }, now: repliedAt });
    expect(report.summary.responseRate).toEqual({ replied: 0, opened: 1, rate: 0 });
    expect(report.summary.firstResponse).toEqual({ count: 1, medianMs: 9 * 86_400_000, p90Ms: 9 * 86_400_000 });
    expect(report.summary.queueWait).toEqual({ count: 1, medianMs: 60_000, p90Ms: 60_000 });
    expect(report.perAgent.map((row) => row.memberId)).toEqual([owner.memberId]);
  });
});

describe("ANALYTICS-6 stored facts: kept with every event, rebuilt from the raw tables", () => {
  const run = promisify(execFile);
  /** The rebuild command as an operator runs it; its exit code and output. */
  async function command(args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout } = await run("npx", ["tsx", "scripts/analytics-rebuild.ts", ...args], { env: { ...process.env, DATABASE_URL: url } });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, out: failed.stdout };
    }
  }

  it("ANALYTICS-6 the facts the services wrote equal a rebuild from the raw tables", async () => {
    const report = await rebuildAnalyticsFacts(db, { shopId: shop.shopId, dryRun: true });
    expect(report.tables.map((table) => [table.table, table.differences])).toEqual([
      ["AnalyticsSessionFact", 0], ["AnalyticsReplySpan", 0], ["AnalyticsOrderFact", 0],
    ]);
    expect(report.tables.every((table) => table.storedRows > 0)).toBe(true);
  });

  it("ANALYTICS-6 ANALYTICS-5 a corrupted fact is reported per field by the dry run, fixed by the rebuild, and the figures equal the naive SQL again", async () => {
    const [fact] = await db.analyticsSessionFact.findMany({ where: { shopId: shop.shopId, firstReplyAt: { not: null } }, orderBy: { openedAt: "asc" }, take: 1 });
    const [order] = await db.analyticsOrderFact.findMany({ where: { shopId: shop.shopId, replyAt: { not: null } }, orderBy: { placedAt: "asc" }, take: 1 });
    await db.analyticsSessionFact.update({ where: { sessionId: fact!.sessionId }, data: { firstReplyAt: new Date(fact!.firstReplyAt!.getTime() + 3_600_000), rating: 1 } });
    await db.analyticsOrderFact.delete({ where: { orderId: order!.orderId } });
    const day = fact!.openedAt.toISOString().slice(0, 10);
    const range = { from: "2026-02-20", to: "2026-03-31" };
    const corrupted = await buildAnalytics(db, { shopId: shop.shopId, query: range, now: new Date(shop.endMs) });
    const naive = await naiveAnalytics(db, { shopId: shop.shopId, timeZone: ZONE, currency: "USD", firstDay: range.from, lastDay: range.to });
    expect(corrupted.summary).not.toEqual(naive.summary);

    const dry = await command([`--shop=${shop.shopId}`, "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain("2 difference(s) (dry run, nothing changed)");
    expect(dry.out).toContain("firstReplyAt differs in 1 row(s)");
    expect(dry.out).toContain(`${fact!.sessionId}: stored ${fact!.firstReplyAt!.getTime() + 3_600_000}, expected ${fact!.firstReplyAt!.getTime()}`);
    expect(dry.out).toContain("rating differs in 1 row(s)");
    expect(dry.out).toContain(`missing 1: ${order!.orderId}`);
    expect(await db.analyticsOrderFact.count({ where: { orderId: order!.orderId } })).toBe(0);

    const fixed = await command([`--shop=${shop.shopId}`]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("2 difference(s), fixed");
    expect((await rebuildAnalyticsFacts(db, { shopId: shop.shopId, dryRun: true })).differences).toBe(0);
    const again = await buildAnalytics(db, { shopId: shop.shopId, query: range, now: new Date(shop.endMs) });
    expect(again.summary).toEqual(naive.summary);
    expect(again.daily.find((d) => d.day === day)).toBeDefined();
  }, 120_000);

  it("ANALYTICS-6 ANALYTICS-5 a stored daily rollup that no longer matches its facts is reported by the dry run and removed by the rebuild", async () => {
    const range = { from: "2026-02-20", to: "2026-03-31" };
    const read = () => buildAnalytics(db, { shopId: shop.shopId, query: range, now: new Date(shop.endMs) });
    await read();
    const [day] = await db.$queryRaw<Array<{ day: string }>>`
      SELECT day::text AS day FROM "AnalyticsDayRollup" WHERE "shopId" = ${shop.shopId}::uuid AND buckets <> '[]' ORDER BY day LIMIT 1`;
    await db.$executeRaw`UPDATE "AnalyticsDayRollup" SET buckets = '[]' WHERE "shopId" = ${shop.shopId}::uuid AND day = ${day!.day}::date`;

    const dry = await command([`--shop=${shop.shopId}`, "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/AnalyticsDayRollup: \d+ stored day\(s\) checked, 1 difference\(s\)/);
    expect(dry.out).toContain(`differing: ${day!.day} ${ZONE} USD`);

    const fixed = await command([`--shop=${shop.shopId}`]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("1 difference(s), fixed");
    expect((await rebuildAnalyticsFacts(db, { shopId: shop.shopId, dryRun: true })).differences).toBe(0);
    expect((await read()).summary).toEqual((await naiveAnalytics(db, { shopId: shop.shopId, timeZone: ZONE, currency: "USD", firstDay: range.from, lastDay: range.to })).summary);
  }, 120_000);

  it("ANALYTICS-6 the command refuses unknown arguments", async () => {
    expect((await command(["--shop=nope"])).code).toBe(2);
    expect((await command(["--fast"])).code).toBe(2);
  }, 60_000);
});
