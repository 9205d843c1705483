// ANALYTICS-1..5: the facts of one date range, read from the raw tables with bounded, indexed
// queries (docs/analytics.md "How it is computed"). Nothing here decides a figure: the rows become
// the plain facts of src/core/analytics, and computeAnalytics applies every rule. Each query is
// bounded by the range (plus the 7-day conversion window after it), never the shop's history:
// - sessions opened, ended or rated in the range: ChatSession (shopId, createdAt), (shopId,
//   closedAt), (shopId, ratedAt); each session's first assignment by Assignment (sessionId,
//   createdAt); its first reply from the range's replies, else by the (sessionId) message index;
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

/**
 * The sessions opened, ended or rated in the range. A session's first reply comes from the
 * range's replies (a session opened in the range is first answered at or after the range's
 * start, so its earliest reply inside the loaded window is its first); only sessions opened in
 * the range with no reply in that window are looked up one by one. Sessions that only ended or
 * were rated in the range need no first reply (their figures go to whoever ended them).
 */
export async function loadSessionFacts(db: Database, shopId: string, range: DayRange, replies: readonly ReplyRow[]): Promise<SessionFact[]> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const rows = await jsonRows<SessionRow>(db, Prisma.sql`
    SELECT s.id, c."buyerId" AS buyer_id, ${epochMs(Prisma.sql`s."createdAt"`)} AS opened_at,
           ${epochMs(Prisma.sql`LEAST(fa.first_assigned_at, s."assignedAt")`)} AS first_assigned_at,
           NULL AS first_reply_at, NULL AS first_reply_member,
           s."assigneeId" AS assignee_id, s.state::text AS state, ${epochMs(Prisma.sql`s."closedAt"`)} AS closed_at,
           s."endedById" AS ended_by_id, s.rating, ${epochMs(Prisma.sql`s."ratedAt"`)} AS rated_at
    FROM "ChatSession" s
    JOIN "Conversation" c ON c.id = s."conversationId"
    LEFT JOIN LATERAL (
      SELECT min(a."createdAt") AS first_assigned_at FROM "Assignment" a WHERE a."sessionId" = s.id AND a."toMemberId" IS NOT NULL
    ) fa ON true
    WHERE s."shopId" = ${shopId}::uuid
      AND ((s."createdAt" >= ${from} AND s."createdAt" < ${to})
        OR (s."closedAt" >= ${from} AND s."closedAt" < ${to})
        OR (s."ratedAt" >= ${from} AND s."ratedAt" < ${to}))`);

  // Replies arrive in time order: the first one seen for a session is its first reply.
  const firstReplies = new Map<string, { at: number; member: string }>();
  for (const reply of replies) if (reply.sessionId && !firstReplies.has(reply.sessionId)) firstReplies.set(reply.sessionId, { at: reply.atMs, member: reply.memberId });
  const openedInRange = rows.filter((row) => row.opened_at >= range.fromMs && row.opened_at < range.toMs);
  const unanswered = openedInRange.filter((row) => !firstReplies.has(row.id)).map((row) => row.id);
  if (unanswered.length > 0) {
    const later = await jsonRows<{ id: string; at: number; member: string }>(db, Prisma.sql`
      SELECT DISTINCT ON (m."sessionId") m."sessionId" AS id, ${epochMs(Prisma.sql`m."createdAt"`)} AS at,
             COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID}) AS member
      FROM "Message" m
      WHERE m."sessionId" = ANY(${unanswered}::uuid[]) AND m."authorType" = 'agent' AND m."isAutomatic" = false
      ORDER BY m."sessionId", m."createdAt", m.seq`);
    for (const reply of later) firstReplies.set(reply.id, reply);
  }
  for (const row of openedInRange) {
    const first = firstReplies.get(row.id);
    if (first) Object.assign(row, { first_reply_at: first.at, first_reply_member: first.member });
  }
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

/** A reply with the session it was written in (for the sessions' first replies). */
export interface ReplyRow extends ReplyFact {
  sessionId: string | null;
}

/**
 * Agents' replies in the range and the 7 days after it (a later reply can take an order,
 * figures.ts), in the order they were written.
 */
export async function loadReplyFacts(db: Database, shopId: string, range: DayRange): Promise<ReplyRow[]> {
  return jsonRows<ReplyRow>(db, Prisma.sql`
    SELECT c."buyerId" AS "buyerId", COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID}) AS "memberId", ${epochMs(Prisma.sql`m."createdAt"`)} AS "atMs",
           m."sessionId" AS "sessionId"
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."shopId" = ${shopId}::uuid AND m."authorType" = 'agent' AND m."isAutomatic" = false
      AND m."createdAt" >= ${new Date(range.fromMs)} AND m."createdAt" < ${new Date(range.toMs + CONVERSION_WINDOW_MS)}
    ORDER BY m."createdAt", m.seq`);
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
