// ANALYTICS-1..5, issue 11 item 5: the facts of one date range, read from the stored analytics
// facts (facts.ts keeps them with every event; docs/analytics.md "How figures are stored").
// The rows become the plain facts of src/core/analytics and computeAnalytics applies the rules;
// only the session figures are summed per (day, owner) in SQL first (loadSessionSums, the same
// rules, checked by ANALYTICS-5). Each query reads only the range:
// - sessions opened, ended or rated in it: AnalyticsSessionFact (shopId, openedAt), (shopId,
//   closedAt), (shopId, ratedAt);
// - reply spans that touch it (a span lies within one UTC day, so it starts at most a day
//   before the range): AnalyticsReplySpan (shopId, firstAt);
// - orders attributed to a reply in it: AnalyticsOrderFact (shopId, replyAt).
// Times are UTC instants; the day of each is found at read time in the shop's current zone.
import {
  daysOf,
  NON_REVENUE_ORDER_STATUSES,
  RESPONSE_WINDOW_MS,
  SATISFIED_MIN_SCORE,
  startOfLocalDay,
  type AttributedOrderFact,
  type DayRange,
  type ReplyFact,
  type SessionSums,
  type SessionFact,
} from "@/core/analytics";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";

export { REMOVED_MEMBER_ID } from "@/server/services/analytics/facts-sql";

const DAY_MS = 24 * 3_600_000;

/**
 * A year holds tens of thousands of facts: each query answers one JSON array of arrays in one
 * cell, which the driver hands over as text, instead of a row per fact that the client maps
 * cell by cell.
 */
async function jsonTuples<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  const [row] = await db.$queryRaw<Array<{ rows: string | null }>>`SELECT COALESCE(json_agg(q.t), '[]')::text AS rows FROM (${query}) q`;
  return JSON.parse(row?.rows ?? "[]") as T[];
}

const epochMs = (column: Prisma.Sql) => Prisma.sql`(date_part('epoch', ${column}) * 1000)::bigint`;

/**
 * Times in ms after the range's start (shorter than epoch ms) and members as indexes into the
 * answer's member list (a year holds tens of thousands of sessions and a few dozen members):
 * the answer is about a third of the size, and parsing it a third of the time.
 */
type SessionTuple = [
  openedAt: number, humanQueueAt: number | null, firstAssignedAt: number | null, firstReplyAt: number | null, firstReplyMember: number | null,
  lastHolder: number | null, state: "q" | "o" | "e" | "x", closedAt: number | null, endedBy: number | null,
  rating: number | null, ratedAt: number | null,
];

/** The sessions opened, ended or rated in the range. */
export async function loadSessionFacts(db: Database, shopId: string, range: DayRange): Promise<SessionFact[]> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const at = (column: string) => Prisma.sql`(date_part('epoch', f.${Prisma.raw(`"${column}"`)}) * 1000 - ${range.fromMs})::bigint`;
  const member = (column: string) => Prisma.sql`array_position(m.ids, f.${Prisma.raw(`"${column}"`)}::text) - 1`;
  const [row] = await db.$queryRaw<Array<{ answer: string }>>`
    WITH f AS MATERIALIZED (
      SELECT * FROM "AnalyticsSessionFact" f
      WHERE f."shopId" = ${shopId}::uuid
        AND ((f."openedAt" >= ${from} AND f."openedAt" < ${to})
          OR (f."closedAt" >= ${from} AND f."closedAt" < ${to})
          OR (f."ratedAt" >= ${from} AND f."ratedAt" < ${to}))
    ), m AS (
      SELECT COALESCE(array_agg(DISTINCT id), '{}') AS ids FROM (
        SELECT "firstReplyMemberId" AS id FROM f UNION ALL SELECT "lastHolderId"::text FROM f UNION ALL SELECT "endedById"::text FROM f
      ) u WHERE id IS NOT NULL
    )
    SELECT json_build_object('members', m.ids, 'rows', COALESCE((
      SELECT json_agg(json_build_array(${at("openedAt")}, ${at("humanQueueAt")}, ${at("firstAssignedAt")}, ${at("firstReplyAt")}, ${member("firstReplyMemberId")},
        ${member("lastHolderId")}, CASE f.state WHEN 'queued' THEN 'q' WHEN 'open' THEN 'o' WHEN 'ended' THEN 'e' ELSE 'x' END,
        ${at("closedAt")}, ${member("endedById")}, f.rating, ${at("ratedAt")}))
      FROM f), '[]'))::text AS answer
    FROM m`;
  const answer = JSON.parse(row!.answer) as { members: string[]; rows: SessionTuple[] };
  return answer.rows.map((tuple) => toSessionFact(tuple, answer.members, range.fromMs));
}

function toSessionFact(row: SessionTuple, members: readonly string[], base: number): SessionFact {
  const [opened, humanQueueAt, firstAssigned, firstReplyAt, firstReplyMember, lastHolder, state, closedAt, endedBy, rating, ratedAt] = row;
  const time = (value: number | null) => (value === null ? null : value + base);
  const memberAt = (index: number | null) => (index === null ? null : members[index]!);
  const openedAtMs = opened + base;
  // Figures only read a session's first reply when it opened in the range; the stored fact
  // holds its first reply whenever that came.
  return {
    // Every session today is opened by a buyer's message (ingestBuyerMessage); proactive and
    // agent-started sessions do not exist yet.
    origin: "buyer",
    openedAtMs,
    // AUTO-5: the opening, or the chatbot's hand-over; null while the bot alone handled it.
    humanQueueAtMs: time(humanQueueAt),
    firstAssignedAtMs: time(firstAssigned),
    firstReply: firstReplyAt !== null && firstReplyMember !== null ? { atMs: firstReplyAt + base, memberId: members[firstReplyMember]! } : null,
    lastHolderId: memberAt(lastHolder),
    closure:
      state === "e" && closedAt !== null
        ? { kind: "ended", atMs: closedAt + base, byMemberId: memberAt(endedBy) }
        : state === "x" && closedAt !== null
          ? { kind: "expired", atMs: closedAt + base }
          : null,
    rating: rating !== null && ratedAt !== null ? { score: rating, atMs: ratedAt + base } : null,
  };
}

/**
 * The session figures of the range summed per (shop day, owner) by the database, so a year's
 * tens of thousands of sessions travel as a few thousand buckets with their time samples. The
 * rules are addSession's in figures.ts, written here in SQL over the stored facts (response times run
 * from when a session reached people, humanQueueAt, see toSessionFact); the ANALYTICS-5 test compares the
 * result with a naive recomputation from the raw tables. A fact's day is the range day whose
 * start (computed by the pure module) is the last one at or before it: width_bucket over those
 * starts, the binary search computeAnalytics does.
 */
export async function loadSessionSums(db: Database, shopId: string, range: DayRange, timeZone: string): Promise<SessionSums[]> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const starts = daysOf(range).map((day, index) => (index === 0 ? range.fromMs : startOfLocalDay(day, timeZone)));
  const ms = (column: string) => Prisma.sql`round(date_part('epoch', f.${Prisma.raw(`"${column}"`)}) * 1000)::bigint`;
  const day = (column: string) => Prisma.sql`width_bucket(${ms(column)}, ${starts}::bigint[])`;
  const inRange = (column: string) => Prisma.sql`f.${Prisma.raw(`"${column}"`)} >= ${from} AND f.${Prisma.raw(`"${column}"`)} < ${to}`;
  const closer = Prisma.sql`COALESCE(f."endedById", f."lastHolderId")::text`;
  const [row] = await db.$queryRaw<Array<{ answer: string }>>`
    WITH f AS MATERIALIZED (
      SELECT * FROM "AnalyticsSessionFact" f
      WHERE f."shopId" = ${shopId}::uuid AND ((${inRange("openedAt")}) OR (${inRange("closedAt")}) OR (${inRange("ratedAt")}))
    ), buckets AS (
      SELECT ${day("openedAt")} AS d, COALESCE(f."firstReplyMemberId", f."lastHolderId"::text) AS owner,
             count(*) AS opened,
             count(*) FILTER (WHERE f."firstReplyMemberId" IS NOT NULL AND ${ms("firstReplyAt")} - ${ms("humanQueueAt")} <= ${RESPONSE_WINDOW_MS}) AS replied,
             count(*) FILTER (WHERE f."firstReplyMemberId" IS NOT NULL AND f."firstReplyAt" IS NOT NULL) AS handled,
             0 AS rated, 0 AS satisfied,
             array_agg(GREATEST(0, ${ms("firstReplyAt")} - ${ms("humanQueueAt")})) FILTER (WHERE f."firstReplyMemberId" IS NOT NULL AND f."firstReplyAt" IS NOT NULL) AS first_response,
             NULL::bigint[] AS resolution,
             array_agg(GREATEST(0, ${ms("firstAssignedAt")} - ${ms("humanQueueAt")})) FILTER (WHERE f."firstAssignedAt" IS NOT NULL) AS queue_wait
      FROM f WHERE ${inRange("openedAt")} AND f."humanQueueAt" IS NOT NULL GROUP BY 1, 2
      UNION ALL
      SELECT ${day("closedAt")}, ${closer}, 0, 0, 0, 0, 0, NULL, array_agg(GREATEST(0, ${ms("closedAt")} - ${ms("openedAt")})), NULL
      FROM f WHERE f.state = 'ended' AND ${inRange("closedAt")} GROUP BY 1, 2
      UNION ALL
      SELECT ${day("ratedAt")}, ${closer}, 0, 0, 0, count(*), count(*) FILTER (WHERE f.rating >= ${SATISFIED_MIN_SCORE}), NULL, NULL, NULL
      FROM f WHERE f.state = 'ended' AND f."closedAt" IS NOT NULL AND f.rating IS NOT NULL AND ${inRange("ratedAt")} GROUP BY 1, 2
    )
    SELECT COALESCE(json_agg(json_build_array(d, owner, opened, replied, handled, rated, satisfied, first_response, resolution, queue_wait)), '[]')::text AS answer
    FROM buckets`;
  const rows = JSON.parse(row!.answer) as Array<[number, string | null, number, number, number, number, number, number[] | null, number[] | null, number[] | null]>;
  return rows.map(([d, owner, opened, repliedWithin24h, sessionsHandled, rated, satisfied, firstResponseMs, resolutionMs, queueWaitMs]) => ({
    atMs: starts[d - 1]!, owner, opened, repliedWithin24h, sessionsHandled, rated, satisfied,
    firstResponseMs: firstResponseMs ?? [], resolutionMs: resolutionMs ?? [], queueWaitMs: queueWaitMs ?? [],
  }));
}

/**
 * One reply per shop day and span in the range: a span's first reply, or the first instant of
 * each later day (or of the range) it reaches. Every such day holds a real reply of the span
 * (facts-sql.ts), so the replied buyers per day and member are exactly those of the messages.
 */
export async function loadReplyFacts(db: Database, shopId: string, range: DayRange, timeZone: string): Promise<ReplyFact[]> {
  const spans = await jsonTuples<[buyerId: string, memberId: string, firstAt: number, lastAt: number]>(db, Prisma.sql`
    SELECT json_build_array(r."buyerId", r."memberId", ${epochMs(Prisma.sql`r."firstAt"`)}, ${epochMs(Prisma.sql`r."lastAt"`)}) AS t
    FROM "AnalyticsReplySpan" r
    WHERE r."shopId" = ${shopId}::uuid AND r."firstAt" >= ${new Date(range.fromMs - DAY_MS)} AND r."firstAt" < ${new Date(range.toMs)}
      AND r."lastAt" >= ${new Date(range.fromMs)}`);
  const dayStarts = daysOf(range).map((day, index) => (index === 0 ? range.fromMs : startOfLocalDay(day, timeZone)));
  const replies: ReplyFact[] = [];
  for (const [buyerId, memberId, firstAt, lastAt] of spans) {
    const start = Math.max(firstAt, range.fromMs);
    replies.push({ buyerId, memberId, atMs: start });
    // Spans last under a day: at most two later day starts fall inside one.
    for (const dayStart of dayStartsBetween(dayStarts, start, lastAt)) replies.push({ buyerId, memberId, atMs: dayStart });
  }
  return replies;
}

/** Day starts d with after < d <= until, by binary search over the sorted starts. */
function dayStartsBetween(dayStarts: readonly number[], after: number, until: number): number[] {
  let low = 0;
  let high = dayStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (dayStarts[middle]! <= after) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let index = low; index < dayStarts.length && dayStarts[index]! <= until; index += 1) found.push(dayStarts[index]!);
  return found;
}

/** The orders attributed to a reply in the range (cancelled and returned ones earn nothing). */
export async function loadOrderFacts(db: Database, shopId: string, range: DayRange): Promise<AttributedOrderFact[]> {
  const rows = await jsonTuples<[orderId: string, buyerId: string, placedAt: number, totalMinor: number, currency: string, status: string, replyMember: string, replyAt: number]>(db, Prisma.sql`
    SELECT json_build_array(o."orderId", o."buyerId", ${epochMs(Prisma.sql`o."placedAt"`)}, o."totalCents", o.currency, o.status,
           o."replyMemberId", ${epochMs(Prisma.sql`o."replyAt"`)}) AS t
    FROM "AnalyticsOrderFact" o
    WHERE o."shopId" = ${shopId}::uuid AND o."replyAt" >= ${new Date(range.fromMs)} AND o."replyAt" < ${new Date(range.toMs)}
      AND o.status::text <> ALL(${[...NON_REVENUE_ORDER_STATUSES]}::text[])`);
  return rows.map(([orderId, buyerId, placedAtMs, totalMinor, currency, status, memberId, atMs]) => ({
    orderId, buyerId, placedAtMs, totalMinor, currency, status, reply: { memberId, atMs },
  }));
}
