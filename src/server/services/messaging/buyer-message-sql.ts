// The buyer message path in as few round trips as correctness allows (CHAT-3 latency goal,
// bench/README.md). The append is one statement, used alone on the common path and inside the
// transaction that opens a session otherwise. A duplicate clientId makes the insert a no-op
// (ON CONFLICT), and nothing else changes with it.
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
  /** True when this message started the session's SLA clock (and so scheduled its expiry). */
  startedClock: boolean;
}

type AppendRow = {
  m_id: string; m_seq: number; m_created: Date; m_kind: MessageRow["kind"]; m_body: string; m_payload: unknown;
  s_id: string; s_state: SessionRow["state"]; s_category: SessionRow["category"]; s_assignee: string | null; s_starred: boolean;
  s_rating: number | null; s_queued: Date; s_assigned: Date | null; s_oldest: Date | null; s_last_buyer: Date | null; s_closed: Date | null; s_bot: boolean; s_handed_over: Date | null;
  a_nickname: string | null; a_avatar: string | null;
};

export type FastPathOutcome =
  | { kind: "appended"; appended: AppendedBuyerMessage; conversation: { id: string; buyerId: string; shopId: string } }
  | { kind: "duplicate"; conversationId: string }
  | { kind: "fallback" };

/**
 * The common case in ONE statement, outside an interactive transaction (bench: message-path):
 * the buyer's conversation exists, has a queued or open session, and the buyer is not blocked.
 * The statement locks the conversation, inserts the message with the next sequence number
 * (a duplicate clientId inserts nothing), advances the conversation, touches the session and,
 * when this message starts the SLA clock, schedules the 7-day expiry job, all atomically.
 * Anything else (first message, closed session, blocked or unknown buyer) falls back to the
 * transactional path, which handles and explains those cases.
 */
export async function appendBuyerMessageFast(
  db: Tx,
  input: {
    shopId: string;
    buyerId: string;
    clientId: string;
    content: { kind: MessageRow["kind"]; body: string; payload?: Prisma.InputJsonValue };
    /** Null keeps the conversation's current preview (CONSOLE-1). */
    preview: string | null;
    now: Date;
    expiresAt: Date;
    jobIdentifier: string;
  },
): Promise<FastPathOutcome> {
  const { now, content } = input;
  const payload = content.payload === undefined ? null : JSON.stringify(content.payload);
  const rows = await db.$queryRaw<Array<AppendRow & { head_id: string; head_session: string; jobs: bigint }>>`
    WITH head AS (
      SELECT c.id, c."lastSeq", c."activeSessionId"
      FROM "Conversation" c
      WHERE c."buyerId" = ${input.buyerId}::uuid AND c."shopId" = ${input.shopId}::uuid AND c."activeSessionId" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "BlockedBuyer" bb WHERE bb."buyerId" = c."buyerId")
      FOR UPDATE
    ), m AS (
      INSERT INTO "Message" ("id", "shopId", "conversationId", "sessionId", "seq", "clientId", "authorType", "kind", "body", "payload", "isAutomatic", "createdAt")
      SELECT gen_random_uuid(), ${input.shopId}::uuid, head.id, head."activeSessionId", head."lastSeq" + 1, ${input.clientId}, 'buyer',
             ${content.kind}::"MessageKind", ${content.body}, ${payload}::jsonb, false, ${now}
      FROM head
      ON CONFLICT ("conversationId", "clientId") DO NOTHING
      RETURNING id, seq, "createdAt", kind, body, payload, "conversationId", "sessionId"
    ), c AS (
      UPDATE "Conversation" AS conv SET "lastSeq" = m.seq, "lastMessageAt" = ${now}, "lastMessagePreview" = COALESCE(${input.preview}::text, conv."lastMessagePreview")
      FROM m WHERE conv.id = m."conversationId"
    ), s AS (
      UPDATE "ChatSession" AS cs SET "lastBuyerMessageAt" = ${now}, "oldestUnansweredAt" = COALESCE(cs."oldestUnansweredAt", ${now}), "updatedAt" = ${now}
      FROM m WHERE cs.id = m."sessionId"
      RETURNING cs.*
    ), job AS (
      SELECT graphile_worker.add_job(${input.jobIdentifier}, json_build_object('sessionId', s.id::text),
             run_at := ${input.expiresAt}, job_key := 'expire:' || s.id::text, job_key_mode := 'replace', max_attempts := 10)
      FROM s WHERE s."oldestUnansweredAt" = ${now}
    )
    SELECT head.id AS head_id, head."activeSessionId" AS head_session,
           m.id AS m_id, m.seq AS m_seq, m."createdAt" AS m_created, m.kind::text AS m_kind, m.body AS m_body, m.payload AS m_payload,
           s.id AS s_id, s.state::text AS s_state, s.category::text AS s_category, s."assigneeId" AS s_assignee, s.starred AS s_starred,
           s.rating AS s_rating, s."queuedAt" AS s_queued, s."assignedAt" AS s_assigned, s."oldestUnansweredAt" AS s_oldest,
           s."lastBuyerMessageAt" AS s_last_buyer, s."closedAt" AS s_closed, s."botActive" AS s_bot, s."handedOverAt" AS s_handed_over,
           a.nickname AS a_nickname, a."avatarUrl" AS a_avatar,
           (SELECT count(*) FROM job) AS jobs
    FROM head LEFT JOIN m ON true LEFT JOIN s ON true LEFT JOIN "Member" a ON a.id = s."assigneeId"`;
  const row = rows[0];
  if (!row) return { kind: "fallback" };
  if (!row.m_id) return { kind: "duplicate", conversationId: row.head_id };
  return {
    kind: "appended",
    conversation: { id: row.head_id, buyerId: input.buyerId, shopId: input.shopId },
    appended: {
      message: {
        id: row.m_id, conversationId: row.head_id, sessionId: row.head_session, seq: row.m_seq, clientId: input.clientId, authorType: "buyer", authorMemberId: null,
        kind: row.m_kind, body: row.m_body, payload: row.m_payload, isAutomatic: false, createdAt: row.m_created, authorMember: null,
      },
      session: {
        id: row.s_id, conversationId: row.head_id, state: row.s_state, category: row.s_category, assigneeId: row.s_assignee, starred: row.s_starred,
        rating: row.s_rating, queuedAt: row.s_queued, assignedAt: row.s_assigned, oldestUnansweredAt: row.s_oldest, lastBuyerMessageAt: row.s_last_buyer,
        closedAt: row.s_closed, botActive: row.s_bot, handedOverAt: row.s_handed_over, assignee: row.a_nickname ? { nickname: row.a_nickname, avatarUrl: row.a_avatar } : null,
      },
      startedClock: Number(row.jobs) > 0,
    },
  };
}
