// ANALYTICS-5: a second, deliberately naive implementation of every figure, written apart from
// src/server/services/analytics and src/core/analytics: plain SQL over the raw tables, days by
// PostgreSQL's own time-zone conversion, percentiles by percentile_disc, each figure grouped by
// GROUPING SETS ((), day, owner). It reads the whole shop: no bounds, no facts, no shortcuts.
// It follows docs/analytics.md, including its rule that a reply whose author row is gone counts
// for a "removed" row.
import { Prisma } from "../../src/generated/prisma/client";
import type { Figures } from "../../src/core/analytics";
import type { Database } from "../../src/server/db/client";

type Key = { day: string | null; owner: string | null; gDay: number; gOwner: number };
export interface NaiveReport {
  summary: Figures;
  daily: Map<string, Figures>;
  perAgent: Map<string | null, Figures>;
}

const empty = (): Figures => ({
  responseRate: { replied: 0, opened: 0, rate: null },
  satisfaction: { satisfied: 0, rated: 0, rate: null },
  conversion: { revenueMinor: 0, orders: 0, otherCurrencyOrders: 0, repliedBuyers: 0, orderingBuyers: 0, share: null },
  firstResponse: { count: 0, medianMs: null, p90Ms: null },
  resolution: { count: 0, medianMs: null, p90Ms: null },
  queueWait: { count: 0, medianMs: null, p90Ms: null },
  sessionsHandled: 0,
});
const n = (value: unknown): number => Number(value ?? 0);
const nOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export async function naiveAnalytics(db: Database, input: { shopId: string; timeZone: string; currency: string; firstDay: string; lastDay: string }): Promise<NaiveReport> {
  const { shopId, timeZone: tz, firstDay, lastDay } = input;
  const local = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
  const inRange = (column: Prisma.Sql) => Prisma.sql`${local(column)} BETWEEN ${firstDay}::date AND ${lastDay}::date`;
  const ms = (interval: Prisma.Sql) => Prisma.sql`round(extract(epoch from (${interval})) * 1000)::bigint`;
  const sessions = Prisma.sql`
    SELECT s.*, 
      (SELECT m."createdAt" FROM "Message" m WHERE m."sessionId" = s.id AND m."authorType" = 'agent' AND NOT m."isAutomatic" ORDER BY m."createdAt", m.seq LIMIT 1) AS fr_at,
      (SELECT COALESCE(m."authorMemberId"::text, 'removed') FROM "Message" m WHERE m."sessionId" = s.id AND m."authorType" = 'agent' AND NOT m."isAutomatic" ORDER BY m."createdAt", m.seq LIMIT 1) AS fr_member,
      (SELECT min(a."createdAt") FROM "Assignment" a WHERE a."sessionId" = s.id AND a."toMemberId" IS NOT NULL) AS first_assigned
    FROM "ChatSession" s WHERE s."shopId" = ${shopId}::uuid`;
  const grouped = (select: Prisma.Sql, from: Prisma.Sql, day: Prisma.Sql, owner: Prisma.Sql) => db.$queryRaw<Array<Key & Record<string, unknown>>>`
    SELECT to_char(k_day, 'YYYY-MM-DD') AS day, k_owner AS owner, GROUPING(k_day)::int AS "gDay", GROUPING(k_owner)::int AS "gOwner", ${select}
    FROM (SELECT *, ${day} AS k_day, ${owner} AS k_owner FROM ${from}) grouped
    GROUP BY GROUPING SETS ((), (k_day), (k_owner))`;

  const response = await grouped(
    Prisma.sql`count(*) AS opened, count(*) FILTER (WHERE fr_at - "createdAt" <= interval '24 hours') AS replied, count(fr_at) AS handled,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`fr_at - "createdAt"`)}) AS fr_p50,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`fr_at - "createdAt"`)}) AS fr_p90,
      count(first_assigned) AS queued,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`first_assigned - "createdAt"`)}) AS q_p50,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`first_assigned - "createdAt"`)}) AS q_p90`,
    Prisma.sql`(${sessions}) x WHERE ${inRange(Prisma.sql`"createdAt"`)}`,
    local(Prisma.sql`"createdAt"`),
    Prisma.sql`COALESCE(fr_member, "assigneeId"::text)`,
  );
  const resolution = await grouped(
    Prisma.sql`count(*) AS resolved, percentile_disc(0.5) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`"closedAt" - "createdAt"`)}) AS r_p50,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY ${ms(Prisma.sql`"closedAt" - "createdAt"`)}) AS r_p90`,
    Prisma.sql`"ChatSession" WHERE "shopId" = ${shopId}::uuid AND state = 'ended' AND ${inRange(Prisma.sql`"closedAt"`)}`,
    local(Prisma.sql`"closedAt"`),
    Prisma.sql`COALESCE("endedById", "assigneeId")::text`,
  );
  const satisfaction = await grouped(
    Prisma.sql`count(*) AS rated, count(*) FILTER (WHERE rating >= 4) AS satisfied`,
    Prisma.sql`"ChatSession" WHERE "shopId" = ${shopId}::uuid AND state = 'ended' AND rating IS NOT NULL AND ${inRange(Prisma.sql`"ratedAt"`)}`,
    local(Prisma.sql`"ratedAt"`),
    Prisma.sql`COALESCE("endedById", "assigneeId")::text`,
  );
  const replies = Prisma.sql`
    SELECT m."createdAt" AS at, COALESCE(m."authorMemberId"::text, 'removed') AS member, c."buyerId" AS buyer
    FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."shopId" = ${shopId}::uuid AND m."authorType" = 'agent' AND NOT m."isAutomatic"`;
  const replied = await grouped(
    Prisma.sql`count(DISTINCT buyer) AS replied_buyers`,
    Prisma.sql`(${replies}) r WHERE ${inRange(Prisma.sql`at`)}`,
    local(Prisma.sql`at`),
    Prisma.sql`member`,
  );
  const converted = await grouped(
    Prisma.sql`count(*) FILTER (WHERE currency = ${input.currency}) AS orders, COALESCE(sum(total) FILTER (WHERE currency = ${input.currency}), 0) AS revenue,
      count(*) FILTER (WHERE currency <> ${input.currency}) AS other, count(DISTINCT buyer) AS ordering_buyers`,
    Prisma.sql`(
      SELECT o."buyerId" AS buyer, o."totalCents" AS total, o.currency, r.at, r.member
      FROM "Order" o
      CROSS JOIN LATERAL (SELECT r.at, r.member FROM (${replies}) r WHERE r.buyer = o."buyerId" AND r.at < o."placedAt" ORDER BY r.at DESC, r.member DESC LIMIT 1) r
      WHERE o."shopId" = ${shopId}::uuid AND o.status NOT IN ('cancelled', 'returned') AND o."placedAt" - r.at <= interval '7 days'
    ) credited WHERE ${inRange(Prisma.sql`at`)}`,
    local(Prisma.sql`at`),
    Prisma.sql`member`,
  );

  const report: NaiveReport = { summary: empty(), daily: new Map(), perAgent: new Map() };
  const target = (row: Key): Figures => {
    if (row.gDay === 1 && row.gOwner === 1) return report.summary;
    const map: Map<string | null, Figures> = row.gDay === 0 ? report.daily : report.perAgent;
    const key = row.gDay === 0 ? row.day : row.owner;
    if (!map.has(key)) map.set(key, empty());
    return map.get(key)!;
  };
  for (const row of response) {
    const f = target(row);
    f.responseRate = { replied: n(row.replied), opened: n(row.opened), rate: ratio(n(row.replied), n(row.opened)) };
    f.sessionsHandled = n(row.handled);
    f.firstResponse = { count: n(row.handled), medianMs: nOrNull(row.fr_p50), p90Ms: nOrNull(row.fr_p90) };
    f.queueWait = { count: n(row.queued), medianMs: nOrNull(row.q_p50), p90Ms: nOrNull(row.q_p90) };
  }
  for (const row of resolution) target(row).resolution = { count: n(row.resolved), medianMs: nOrNull(row.r_p50), p90Ms: nOrNull(row.r_p90) };
  for (const row of satisfaction) target(row).satisfaction = { satisfied: n(row.satisfied), rated: n(row.rated), rate: ratio(n(row.satisfied), n(row.rated)) };
  for (const row of replied) target(row).conversion.repliedBuyers = n(row.replied_buyers);
  for (const row of converted) {
    const c = target(row).conversion;
    Object.assign(c, { orders: n(row.orders), revenueMinor: n(row.revenue), otherCurrencyOrders: n(row.other), orderingBuyers: n(row.ordering_buyers) });
  }
  for (const f of [report.summary, ...report.daily.values(), ...report.perAgent.values()]) f.conversion.share = ratio(f.conversion.orderingBuyers, f.conversion.repliedBuyers);
  return report;
}
