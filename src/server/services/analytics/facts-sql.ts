// Issue 11 item 5: how each analytics fact is derived from the raw tables. One SELECT per fact
// table, filtered by shop and optionally by the rows an event touched; the event path (facts.ts)
// writes its result in the event's transaction and the rebuild (rebuild-facts.ts) compares it
// with what is stored. Writing and checking share this one derivation, so they cannot drift.
// The rules themselves (what a reply is, which order belongs to which reply) are those of
// src/core/analytics/facts.ts and docs/analytics.md.
import { Prisma } from "@/generated/prisma/client";
import { CONVERSION_WINDOW_MS } from "@/core/analytics";

/** A reply whose author row was removed stays a reply, credited to this id. */
export const REMOVED_MEMBER_ID = "removed";

/** A longer silence between one member's replies to a buyer starts a new span (below a day's 23 h). */
export const REPLY_SPAN_GAP_MS = 12 * 3_600_000;

const replyMember = Prisma.sql`COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID})`;
/** An agent reply: a person of the shop wrote it (bot, greeting, automatic and system messages are not). */
const isReply = Prisma.sql`m."authorType" = 'agent' AND m."isAutomatic" = false`;

export const SESSION_FACT_COLUMNS = [
  "sessionId", "shopId", "buyerId", "openedAt", "humanQueueAt", "firstAssignedAt", "firstReplyAt", "firstReplyMemberId",
  "lastHolderId", "state", "closedAt", "endedById", "rating", "ratedAt",
] as const;

/**
 * A session's facts: opening, first hold (the earliest Assignment to a member, or assignedAt when
 * earlier), first agent reply and its author, current holder, closure and rating.
 */
export function sessionFactsSelect(shopId: string, sessionIds?: readonly string[]): Prisma.Sql {
  const only = sessionIds ? Prisma.sql`AND s.id = ANY(${[...sessionIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    SELECT s.id AS "sessionId", s."shopId", c."buyerId", s."createdAt" AS "openedAt",
           -- AUTO-5: a session reaches people when it opens, or at the chatbot's hand-over; while
           -- the bot alone holds it, it has not (and is in no response figure).
           CASE WHEN s."botActive" THEN NULL ELSE COALESCE(s."handedOverAt", s."createdAt") END AS "humanQueueAt",
           LEAST(fa.at, s."assignedAt") AS "firstAssignedAt",
           fr.at AS "firstReplyAt", fr.member AS "firstReplyMemberId",
           s."assigneeId" AS "lastHolderId", s.state, s."closedAt", s."endedById", s.rating, s."ratedAt"
    FROM "ChatSession" s
    JOIN "Conversation" c ON c.id = s."conversationId"
    LEFT JOIN LATERAL (
      SELECT min(a."createdAt") AS at FROM "Assignment" a WHERE a."sessionId" = s.id AND a."toMemberId" IS NOT NULL
    ) fa ON true
    LEFT JOIN LATERAL (
      SELECT m."createdAt" AS at, ${replyMember} AS member FROM "Message" m
      WHERE m."sessionId" = s.id AND ${isReply} ORDER BY m."createdAt", m.seq LIMIT 1
    ) fr ON true
    WHERE s."shopId" = ${shopId}::uuid ${only}`;
}

export const REPLY_SPAN_COLUMNS = ["shopId", "buyerId", "memberId", "firstAt", "lastAt"] as const;

/**
 * Runs of one member's replies to one buyer within one UTC day without a silence over 12 hours
 * (gaps and islands). A run never lasts a day, so a range's runs start at most a day before it.
 * `buyerIds` limits it to those buyers (an agent's new reply recomputes that buyer's spans).
 */
export function replySpansSelect(shopId: string, buyerIds?: readonly string[], utcDay?: { from: Date; to: Date }): Prisma.Sql {
  const buyers = buyerIds ? Prisma.sql`AND c."buyerId" = ANY(${[...buyerIds]}::uuid[])` : Prisma.empty;
  const day = utcDay ? Prisma.sql`AND m."createdAt" >= ${utcDay.from} AND m."createdAt" < ${utcDay.to}` : Prisma.empty;
  const only = Prisma.sql`${buyers} ${day}`;
  return Prisma.sql`
    SELECT "shopId", "buyerId", "memberId", min(at) AS "firstAt", max(at) AS "lastAt"
    FROM (
      SELECT *, sum(starts) OVER (PARTITION BY "buyerId", "memberId", utc_day ORDER BY at, seq ROWS UNBOUNDED PRECEDING) AS span
      FROM (
        SELECT m."shopId", c."buyerId", ${replyMember} AS "memberId", m."createdAt" AS at, m.seq, date_trunc('day', m."createdAt") AS utc_day,
               CASE WHEN m."createdAt" - lag(m."createdAt") OVER w <= ${REPLY_SPAN_GAP_MS} * interval '1 millisecond' THEN 0 ELSE 1 END AS starts
        FROM "Message" m
        JOIN "Conversation" c ON c.id = m."conversationId"
        WHERE m."shopId" = ${shopId}::uuid AND ${isReply} ${only}
        WINDOW w AS (PARTITION BY c."buyerId", ${replyMember}, date_trunc('day', m."createdAt") ORDER BY m."createdAt", m.seq)
      ) marked
    ) numbered
    GROUP BY "shopId", "buyerId", "memberId", utc_day, span`;
}

export const ORDER_FACT_COLUMNS = ["orderId", "shopId", "buyerId", "placedAt", "totalCents", "currency", "status", "replyAt", "replyMemberId"] as const;

/**
 * Each order with the reply it is attributed to: the latest agent reply to its buyer strictly
 * before it and at most 7 days (inclusive) earlier; among replies at the same instant, the
 * greatest member id (the order computeAnalytics' sort gives them).
 */
export function orderFactsSelect(
  shopId: string,
  filter?: { orderIds?: readonly string[]; buyerIds?: readonly string[]; placedAfter?: Date; placedUntil?: Date },
): Prisma.Sql {
  const placed = filter?.placedAfter && filter.placedUntil
    ? Prisma.sql`AND o."placedAt" > ${filter.placedAfter} AND o."placedAt" <= ${filter.placedUntil}`
    : Prisma.empty;
  const only = filter?.orderIds
    ? Prisma.sql`AND o.id = ANY(${[...filter.orderIds]}::uuid[])`
    : filter?.buyerIds
      ? Prisma.sql`AND o."buyerId" = ANY(${[...filter.buyerIds]}::uuid[]) ${placed}`
      : Prisma.empty;
  return Prisma.sql`
    SELECT o.id AS "orderId", o."shopId", o."buyerId", o."placedAt", o."totalCents", o.currency, o.status,
           r.at AS "replyAt", r.member AS "replyMemberId"
    FROM "Order" o
    LEFT JOIN "Conversation" c ON c."buyerId" = o."buyerId"
    LEFT JOIN LATERAL (
      SELECT m."createdAt" AS at, ${replyMember} AS member FROM "Message" m
      WHERE m."conversationId" = c.id AND ${isReply}
        AND m."createdAt" < o."placedAt" AND m."createdAt" >= o."placedAt" - ${CONVERSION_WINDOW_MS} * interval '1 millisecond'
      ORDER BY m."createdAt" DESC, ${replyMember} COLLATE "C" DESC LIMIT 1
    ) r ON true
    WHERE o."shopId" = ${shopId}::uuid ${only}`;
}

const quoted = (columns: readonly string[]) => Prisma.raw(columns.map((column) => `"${column}"`).join(", "));

/**
 * INSERT … SELECT that replaces the rows the derivation yields (by primary key). A row the
 * derivation yields unchanged is not rewritten (most events leave most facts as they were): no
 * new row version, and nothing for the rollup triggers to forget.
 */
export function upsertFrom(table: string, columns: readonly string[], key: readonly string[], select: Prisma.Sql): Prisma.Sql {
  const valueColumns = columns.filter((column) => !key.includes(column));
  const updates = valueColumns.map((column) => `"${column}" = EXCLUDED."${column}"`).join(", ");
  const stored = valueColumns.map((column) => `"${table}"."${column}"`).join(", ");
  const derived = valueColumns.map((column) => `EXCLUDED."${column}"`).join(", ");
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${quoted(columns)}) SELECT ${quoted(columns)} FROM (${select}) derived
    ON CONFLICT (${quoted(key)}) DO UPDATE SET ${Prisma.raw(updates)}
    WHERE (${Prisma.raw(stored)}) IS DISTINCT FROM (${Prisma.raw(derived)})`;
}
