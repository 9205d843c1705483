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
import type { Database } from "@/server/db/client";

interface SessionRow {
  id: string;
  buyer_id: string;
  opened_at: Date;
  first_assigned_at: Date | null;
  first_reply_at: Date | null;
  first_reply_member: string | null;
  assignee_id: string | null;
  state: "queued" | "open" | "ended" | "expired";
  closed_at: Date | null;
  ended_by_id: string | null;
  rating: number | null;
  rated_at: Date | null;
}

/** A reply whose author was later removed stays a reply; it is credited to this id. */
export const REMOVED_MEMBER_ID = "removed";

export async function loadSessionFacts(db: Database, shopId: string, range: DayRange): Promise<SessionFact[]> {
  const from = new Date(range.fromMs);
  const to = new Date(range.toMs);
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, c."buyerId" AS buyer_id, s."createdAt" AS opened_at,
           LEAST(fa.first_assigned_at, s."assignedAt") AS first_assigned_at,
           fr.at AS first_reply_at, fr.member AS first_reply_member,
           s."assigneeId" AS assignee_id, s.state::text AS state, s."closedAt" AS closed_at,
           s."endedById" AS ended_by_id, s.rating, s."ratedAt" AS rated_at
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
        OR (s."ratedAt" >= ${from} AND s."ratedAt" < ${to}))`;
  return rows.map(toSessionFact);
}

function toSessionFact(row: SessionRow): SessionFact {
  const openedAtMs = row.opened_at.getTime();
  return {
    sessionId: row.id,
    buyerId: row.buyer_id,
    // Every session today is opened by a buyer's message (ingestBuyerMessage); proactive and
    // agent-started sessions do not exist yet.
    origin: "buyer",
    openedAtMs,
    // There is no chatbot hand-over yet: a session reaches people when it opens.
    humanQueueAtMs: openedAtMs,
    firstAssignedAtMs: row.first_assigned_at?.getTime() ?? null,
    firstReply: row.first_reply_at ? { atMs: row.first_reply_at.getTime(), memberId: row.first_reply_member! } : null,
    lastHolderId: row.assignee_id,
    closure:
      row.state === "ended" && row.closed_at
        ? { kind: "ended", atMs: row.closed_at.getTime(), byMemberId: row.ended_by_id }
        : row.state === "expired" && row.closed_at
          ? { kind: "expired", atMs: row.closed_at.getTime() }
          : null,
    rating: row.rating !== null && row.rated_at ? { score: row.rating, atMs: row.rated_at.getTime() } : null,
  };
}

/** Agents' replies in the range and the 7 days after it (a later reply can take an order, figures.ts). */
export async function loadReplyFacts(db: Database, shopId: string, range: DayRange): Promise<ReplyFact[]> {
  const rows = await db.$queryRaw<Array<{ buyer_id: string; member_id: string; at: Date }>>`
    SELECT c."buyerId" AS buyer_id, COALESCE(m."authorMemberId"::text, ${REMOVED_MEMBER_ID}) AS member_id, m."createdAt" AS at
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."shopId" = ${shopId}::uuid AND m."authorType" = 'agent' AND m."isAutomatic" = false
      AND m."createdAt" >= ${new Date(range.fromMs)} AND m."createdAt" < ${new Date(range.toMs + CONVERSION_WINDOW_MS)}`;
  return rows.map((row) => ({ buyerId: row.buyer_id, memberId: row.member_id, atMs: row.at.getTime() }));
}

/** The orders that can follow a reply of the range: the replied buyers', up to 7 days after it. */
export async function loadOrderFacts(db: Database, shopId: string, range: DayRange, replies: readonly ReplyFact[]): Promise<OrderFact[]> {
  const buyers = [...new Set(replies.filter((reply) => reply.atMs >= range.fromMs && reply.atMs < range.toMs).map((reply) => reply.buyerId))];
  if (buyers.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ id: string; buyer_id: string; placed_at: Date; total: number; currency: string; status: string }>>`
    SELECT o.id, o."buyerId" AS buyer_id, o."placedAt" AS placed_at, o."totalCents" AS total, o.currency, o.status::text AS status
    FROM "Order" o
    WHERE o."shopId" = ${shopId}::uuid AND o."buyerId" = ANY(${buyers}::uuid[])
      AND o."placedAt" > ${new Date(range.fromMs)} AND o."placedAt" <= ${new Date(range.toMs + CONVERSION_WINDOW_MS)}`;
  return rows.map((row) => ({ orderId: row.id, buyerId: row.buyer_id, placedAtMs: row.placed_at.getTime(), totalMinor: row.total, currency: row.currency, status: row.status }));
}
