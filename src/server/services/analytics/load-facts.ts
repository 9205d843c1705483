// ANALYTICS-1..5: the facts of one date range, read from the raw tables with bounded, indexed
// queries (docs/analytics.md "How it is computed"). Nothing here decides a figure: the rows become
// the plain facts of src/core/analytics, and computeAnalytics applies every rule. Each query is
// bounded by the range (plus the 7-day conversion window after it), never the shop's history:
// - sessions opened, ended or rated in the range: ChatSession (shopId, createdAt), (shopId,
//   closedAt), (shopId, ratedAt); each session's first reply by its (sessionId) message index and
//   its first assignment by Assignment (sessionId, createdAt);
// - agents' replies: Message (shopId, authorType, createdAt);
// - the replied buyers' orders: Order (shopId, buyerId, placedAt).
import { CONVERSION_WINDOW_MS, type DayRange, type OrderFact, type ReplyFact, type SessionFact } from "@/core/analytics";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";

/** Times travel as epoch milliseconds (timestamps are stored without zone, in UTC). */
interface SessionRow {
  id: string;
  buyer_id: string;
  opened_at: number;
  first_assigned_at: number | null;
  first_reply_at: number | null;
  first_reply_member: string | null;
  assignee_id: string | null;
  state: "queued" | "open" | "ended" | "expired";
  closed_at: number | null;
  ended_by_id: string | null;
  rating: number | null;
  rated_at: number | null;
}

/**
 * A year holds tens of thousands of facts: each query answers one JSON array in one cell, which
 * the driver hands over as text, instead of a row per fact that the client maps cell by cell
 * (about three times slower on the benchmark).
 */
async function jsonRows<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  const [row] = await db.$queryRaw<Array<{ rows: string | null }>>`SELECT COALESCE(json_agg(q), '[]')::text AS rows FROM (${query}) q`;
  return JSON.parse(row?.rows ?? "[]") as T[];
}

const epochMs = (column: Prisma.Sql) => Prisma.sql`(extract(epoch from ${column}) * 1000)::bigint`;

/** A reply whose author was later removed stays a reply; it is credited to this id. */
export const REMOVED_MEMBER_ID = "removed";

export async function loadSessionFacts(db: Database, shopId: string, range: DayRange): Promise<SessionFact[]> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const rows = await jsonRows<SessionRow>(db, Prisma.sql`
    SELECT s.id, c."buyerId" AS buyer_id, ${epochMs(Prisma.sql`s."createdAt"`)} AS opened_at,
           ${epochMs(Prisma.sql`LEAST(fa.first_assigned_at, s."assignedAt")`)} AS first_assigned_at,
           ${epochMs(Prisma.sql`fr.at`)} AS first_reply_at, fr.member AS first_reply_member,
           s."assigneeId" AS assignee_id, s.state::text AS state, ${epochMs(Prisma.sql`s."closedAt"`)} AS closed_at,
           s."endedById" AS ended_by_id, s.rating, ${epochMs(Prisma.sql`s."ratedAt"`)} AS rated_at
    FROM "ChatSession" s
    JOIN "Conversation" c ON c.id = s."conversationId"
    LEFT JOIN LATERAL (
      SELECT m."createdAt" AS at, COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID}) AS member
      FROM "Message" m
      WHERE m."sessionId" = s.id AND m."authorType" = 'agent' AND m."isAutomatic" = false
      ORDER BY m."createdAt", m.seq
      LIMIT 1
    ) fr ON true
    LEFT JOIN LATERAL (
      SELECT min(a."createdAt") AS first_assigned_at FROM "Assignment" a WHERE a."sessionId" = s.id AND a."toMemberId" IS NOT NULL
    ) fa ON true
    WHERE s."shopId" = ${shopId}::uuid
      AND ((s."createdAt" >= ${from} AND s."createdAt" < ${to})
        OR (s."closedAt" >= ${from} AND s."closedAt" < ${to})
        OR (s."ratedAt" >= ${from} AND s."ratedAt" < ${to}))`);
  return rows.map(toSessionFact);
}

function toSessionFact(row: SessionRow): SessionFact {
  const openedAtMs = row.opened_at;
  return {
    sessionId: row.id,
    buyerId: row.buyer_id,
    // Every session today is opened by a buyer's message (ingestBuyerMessage); proactive and
    // agent-started sessions do not exist yet.
    origin: "buyer",
    openedAtMs,
    // There is no chatbot hand-over yet: a session reaches people when it opens.
    humanQueueAtMs: openedAtMs,
    firstAssignedAtMs: row.first_assigned_at,
    firstReply: row.first_reply_at !== null ? { atMs: row.first_reply_at, memberId: row.first_reply_member! } : null,
    lastHolderId: row.assignee_id,
    closure:
      row.state === "ended" && row.closed_at !== null
        ? { kind: "ended", atMs: row.closed_at, byMemberId: row.ended_by_id }
        : row.state === "expired" && row.closed_at !== null
          ? { kind: "expired", atMs: row.closed_at }
          : null,
    rating: row.rating !== null && row.rated_at !== null ? { score: row.rating, atMs: row.rated_at } : null,
  };
}

/** Agents' replies in the range and the 7 days after it (a later reply can take an order, figures.ts). */
export async function loadReplyFacts(db: Database, shopId: string, range: DayRange): Promise<ReplyFact[]> {
  return jsonRows<ReplyFact>(db, Prisma.sql`
    SELECT c."buyerId" AS "buyerId", COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID}) AS "memberId", ${epochMs(Prisma.sql`m."createdAt"`)} AS "atMs"
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."shopId" = ${shopId}::uuid AND m."authorType" = 'agent' AND m."isAutomatic" = false
      AND m."createdAt" >= ${new Date(range.fromMs)} AND m."createdAt" < ${new Date(range.toMs + CONVERSION_WINDOW_MS)}`);
}

/** The orders that can follow a reply of the range: the replied buyers', up to 7 days after it. */
export async function loadOrderFacts(db: Database, shopId: string, range: DayRange, replies: readonly ReplyFact[]): Promise<OrderFact[]> {
  const buyers = [...new Set(replies.filter((reply) => reply.atMs >= range.fromMs && reply.atMs < range.toMs).map((reply) => reply.buyerId))];
  if (buyers.length === 0) return [];
  return jsonRows<OrderFact>(db, Prisma.sql`
    SELECT o.id AS "orderId", o."buyerId" AS "buyerId", ${epochMs(Prisma.sql`o."placedAt"`)} AS "placedAtMs", o."totalCents" AS "totalMinor", o.currency, o.status::text AS status
    FROM "Order" o
    WHERE o."shopId" = ${shopId}::uuid AND o."buyerId" = ANY(${buyers}::uuid[])
      AND o."placedAt" > ${new Date(range.fromMs)} AND o."placedAt" <= ${new Date(range.toMs + CONVERSION_WINDOW_MS)}`);
}
