// The buyer message path in as few round trips as correctness allows (CHAT-3 latency goal,
// bench/README.md): one statement locks the conversation and reads what the checks need, one
// statement inserts the message, advances the sequence and touches the session. A duplicate
// clientId makes the insert a no-op (ON CONFLICT), and nothing else changes with it.
import type { Prisma } from "@/generated/prisma/client";
import type { LockedConversation, Tx } from "@/server/services/messaging/append-message";
import type { MessageRow, SessionRow } from "@/server/services/messaging/message-dto";

export interface BuyerHead {
  nickname: string;
  isBlocked: boolean;
  conversation: LockedConversation | null;
}

/** Reads the buyer and locks their conversation (if any) in one statement. Null: unknown buyer. */
export async function lockBuyerHead(tx: Tx, shopId: string, buyerId: string): Promise<BuyerHead | null> {
  const rows = await tx.$queryRaw<Array<{ nickname: string; is_blocked: boolean; id: string | null; lastSeq: number | null; activeSessionId: string | null }>>`
    SELECT b.nickname,
           EXISTS (SELECT 1 FROM "BlockedBuyer" bb WHERE bb."buyerId" = b.id) AS is_blocked,
           c.id, c."lastSeq", c."activeSessionId"
    FROM "Buyer" b
    LEFT JOIN LATERAL (
      SELECT id, "lastSeq", "activeSessionId" FROM "Conversation" WHERE "buyerId" = b.id FOR UPDATE
    ) c ON true
    WHERE b.id = ${buyerId}::uuid AND b."shopId" = ${shopId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    nickname: row.nickname,
    isBlocked: row.is_blocked,
    conversation: row.id ? { id: row.id, shopId, buyerId, lastSeq: row.lastSeq!, activeSessionId: row.activeSessionId } : null,
  };
}

export interface AppendedBuyerMessage {
  message: MessageRow;
  session: SessionRow;
  /** True when this message started the session's SLA clock. */
  startedClock: boolean;
}

type AppendRow = {
  m_id: string; m_seq: number; m_created: Date; m_kind: MessageRow["kind"]; m_body: string; m_payload: unknown;
  s_id: string; s_state: SessionRow["state"]; s_category: SessionRow["category"]; s_assignee: string | null; s_starred: boolean;
  s_rating: number | null; s_queued: Date; s_assigned: Date | null; s_oldest: Date | null; s_last_buyer: Date | null; s_closed: Date | null;
  prev_oldest: Date | null; a_nickname: string | null; a_avatar: string | null;
};

/**
 * Inserts the buyer's message with the next sequence number, advances the conversation and
 * starts or keeps the session's SLA clock, in one statement. Returns null for a duplicate
 * clientId (nothing was written).
 */
export async function appendBuyerMessage(
  tx: Tx,
  input: {
    conversation: LockedConversation;
    sessionId: string;
    clientId: string;
    content: { kind: MessageRow["kind"]; body: string; payload?: Prisma.InputJsonValue };
    preview: string;
    now: Date;
  },
): Promise<AppendedBuyerMessage | null> {
  const { conversation, sessionId, now, content } = input;
  const seq = conversation.lastSeq + 1;
  const payload = content.payload === undefined ? null : JSON.stringify(content.payload);
  const rows = await tx.$queryRaw<AppendRow[]>`
    WITH m AS (
      INSERT INTO "Message" ("id", "shopId", "conversationId", "sessionId", "seq", "clientId", "authorType", "kind", "body", "payload", "isAutomatic", "createdAt")
      VALUES (gen_random_uuid(), ${conversation.shopId}::uuid, ${conversation.id}::uuid, ${sessionId}::uuid, ${seq}, ${input.clientId}, 'buyer', ${content.kind}::"MessageKind", ${content.body}, ${payload}::jsonb, false, ${now})
      ON CONFLICT ("conversationId", "clientId") DO NOTHING
      RETURNING id, seq, "createdAt", kind, body, payload
    ), c AS (
      UPDATE "Conversation" SET "lastSeq" = ${seq}, "lastMessageAt" = ${now}, "lastMessagePreview" = ${input.preview}
      WHERE id = ${conversation.id}::uuid AND EXISTS (SELECT 1 FROM m)
    ), prev AS (
      SELECT "oldestUnansweredAt" FROM "ChatSession" WHERE id = ${sessionId}::uuid
    ), s AS (
      UPDATE "ChatSession" SET "lastBuyerMessageAt" = ${now}, "oldestUnansweredAt" = COALESCE("oldestUnansweredAt", ${now}), "updatedAt" = ${now}
      WHERE id = ${sessionId}::uuid AND EXISTS (SELECT 1 FROM m)
      RETURNING *
    )
    SELECT m.id AS m_id, m.seq AS m_seq, m."createdAt" AS m_created, m.kind::text AS m_kind, m.body AS m_body, m.payload AS m_payload,
           s.id AS s_id, s.state::text AS s_state, s.category::text AS s_category, s."assigneeId" AS s_assignee, s.starred AS s_starred,
           s.rating AS s_rating, s."queuedAt" AS s_queued, s."assignedAt" AS s_assigned, s."oldestUnansweredAt" AS s_oldest,
           s."lastBuyerMessageAt" AS s_last_buyer, s."closedAt" AS s_closed,
           prev."oldestUnansweredAt" AS prev_oldest, a.nickname AS a_nickname, a."avatarUrl" AS a_avatar
    FROM m CROSS JOIN s CROSS JOIN prev LEFT JOIN "Member" a ON a.id = s."assigneeId"`;
  const row = rows[0];
  if (!row) return null;
  conversation.lastSeq = seq;
  return {
    message: {
      id: row.m_id, conversationId: conversation.id, sessionId, seq: row.m_seq, clientId: input.clientId, authorType: "buyer", authorMemberId: null,
      kind: row.m_kind, body: row.m_body, payload: row.m_payload, isAutomatic: false, createdAt: row.m_created, authorMember: null,
    },
    session: {
      id: row.s_id, conversationId: conversation.id, state: row.s_state, category: row.s_category, assigneeId: row.s_assignee, starred: row.s_starred,
      rating: row.s_rating, queuedAt: row.s_queued, assignedAt: row.s_assigned, oldestUnansweredAt: row.s_oldest, lastBuyerMessageAt: row.s_last_buyer,
      closedAt: row.s_closed, assignee: row.a_nickname ? { nickname: row.a_nickname, avatarUrl: row.a_avatar } : null,
    },
    startedClock: row.prev_oldest === null,
  };
}
