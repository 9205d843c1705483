// The buyer message path in as few round trips as correctness allows (CHAT-3 latency goal,
// bench/README.md). The append is one statement for any number of buyers' messages: alone or
// grouped (buyer-append-group.ts) on the common path, and for one message inside the transaction
// that opens a session otherwise. A duplicate clientId makes that message's insert a no-op
// (ON CONFLICT), and nothing else changes with it.
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { JOB_EXPIRE_SESSION } from "@/server/jobs/schedule";
import { faqVersionSql, type KnownLibrary } from "@/server/services/faq/recommend";
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

export interface BuyerAppendInput {
  shopId: string;
  buyerId: string;
  clientId: string;
  content: { kind: MessageRow["kind"]; body: string; payload?: Prisma.InputJsonValue };
  /** Null keeps the conversation's current preview (CONSOLE-1). */
  preview: string | null;
  now: Date;
  expiresAt: Date;
}

export type FastPathOutcome =
  | {
    kind: "appended";
    appended: AppendedBuyerMessage;
    conversation: { id: string; buyerId: string; shopId: string };
    /**
     * What the automatic answer (AUTO-4) needs of the shop, read in the same statement so that a
     * message costs one round trip: the threshold (null: off) and the FAQ library's version
     * (recommend.ts keeps its index per version; read only when the threshold is on).
     */
    library: KnownLibrary;
  }
  | { kind: "duplicate"; conversationId: string }
  | { kind: "fallback" };

/**
 * Appends buyers' messages, one per conversation, in ONE statement, outside an interactive
 * transaction. For each message whose buyer's conversation exists, has a queued or open session
 * and whose buyer is not blocked, the statement locks the conversation (in id order, so two
 * statements never wait on each other crosswise), inserts the message with the next sequence
 * number (a duplicate clientId inserts nothing), advances the conversation, touches the session
 * and, when this message starts the SLA clock, schedules the 7-day expiry job, all atomically.
 * Anything else (first message, closed session, blocked or unknown buyer) comes back as
 * "fallback" for the transactional path, which handles and explains those cases.
 * $1: the messages as a JSON array (BuyerAppendRecord); $2: the expiry job's task (JOB_EXPIRE_SESSION).
 */
export const APPEND_BUYER_MESSAGES_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord int, shop_id uuid, buyer_id uuid, client_id text, kind "MessageKind", body text, payload jsonb, preview text, at timestamptz, expires_at timestamptz)
  ), head AS (
    SELECT c.id, c."lastSeq", c."activeSessionId", i.ord
    FROM input i JOIN "Conversation" c ON c."buyerId" = i.buyer_id AND c."shopId" = i.shop_id
    WHERE c."activeSessionId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "BlockedBuyer" bb WHERE bb."buyerId" = c."buyerId")
    ORDER BY c.id
    FOR UPDATE OF c
  ), m AS (
    INSERT INTO "Message" ("id", "shopId", "conversationId", "sessionId", "seq", "clientId", "authorType", "kind", "body", "payload", "isAutomatic", "createdAt")
    SELECT gen_random_uuid(), i.shop_id, head.id, head."activeSessionId", head."lastSeq" + 1, i.client_id, 'buyer', i.kind, i.body, i.payload, false, i.at
    FROM head JOIN input i ON i.ord = head.ord
    ON CONFLICT ("conversationId", "clientId") DO NOTHING
    RETURNING id, seq, "createdAt", kind, body, payload, "conversationId", "sessionId"
  ), stored AS MATERIALIZED (
    -- Every later step joins by ord, over small materialized sets: the plan stays linear in the
    -- group's size (joining the CTEs by their own keys made the planner loop over them).
    SELECT head.ord, m.* FROM m JOIN head ON head.id = m."conversationId"
  ), c AS (
    UPDATE "Conversation" AS conv SET "lastSeq" = stored.seq, "lastMessageAt" = stored."createdAt", "lastMessagePreview" = COALESCE(i.preview, conv."lastMessagePreview")
    FROM stored JOIN input i ON i.ord = stored.ord
    WHERE conv.id = stored."conversationId"
  ), s AS (
    UPDATE "ChatSession" AS cs SET "lastBuyerMessageAt" = stored."createdAt", "oldestUnansweredAt" = COALESCE(cs."oldestUnansweredAt", stored."createdAt"), "updatedAt" = stored."createdAt"
    FROM stored WHERE cs.id = stored."sessionId"
    RETURNING cs.*
  ), touched AS MATERIALIZED (
    SELECT stored.ord, s.*, a.nickname AS a_nickname, a."avatarUrl" AS a_avatar, s."oldestUnansweredAt" = stored."createdAt" AS started_clock
    FROM s JOIN stored ON stored."sessionId" = s.id LEFT JOIN "Member" a ON a.id = s."assigneeId"
  ), job AS (
    SELECT touched.ord, graphile_worker.add_job($2::text, json_build_object('sessionId', touched.id::text),
           run_at := i.expires_at, job_key := 'expire:' || touched.id::text, job_key_mode := 'replace', max_attempts := 10) AS added
    FROM touched JOIN input i ON i.ord = touched.ord
    WHERE touched.started_clock
  ), facts AS (
    SELECT shops.shop_id, ss."autoSendThreshold" AS threshold,
           CASE WHEN ss."autoSendThreshold" IS NOT NULL THEN ${faqVersionSql("shops.shop_id")} END AS faq_version
    FROM (SELECT DISTINCT shop_id FROM input) shops LEFT JOIN "ShopSettings" ss ON ss."shopId" = shops.shop_id
  )
  SELECT i.ord, head.id AS head_id, head."activeSessionId" AS head_session,
         m.id AS m_id, m.seq AS m_seq, m."createdAt" AS m_created, m.kind::text AS m_kind, m.body AS m_body, m.payload AS m_payload,
         s.id AS s_id, s.state::text AS s_state, s.category::text AS s_category, s."assigneeId" AS s_assignee, s.starred AS s_starred,
         s.rating AS s_rating, s."queuedAt" AS s_queued, s."assignedAt" AS s_assigned, s."oldestUnansweredAt" AS s_oldest,
         s."lastBuyerMessageAt" AS s_last_buyer, s."closedAt" AS s_closed, s."botActive" AS s_bot, s."handedOverAt" AS s_handed_over,
         s.a_nickname, s.a_avatar, job.ord IS NOT NULL AS started_clock,
         facts.threshold AS f_threshold, facts.faq_version AS f_faq_version
  FROM input i
  LEFT JOIN head ON head.ord = i.ord
  LEFT JOIN stored m ON m.ord = i.ord
  LEFT JOIN touched s ON s.ord = i.ord
  LEFT JOIN job ON job.ord = i.ord
  LEFT JOIN facts ON facts.shop_id = i.shop_id`;

/** One message as APPEND_BUYER_MESSAGES_SQL reads it ($1). */
interface BuyerAppendRecord {
  ord: number; shop_id: string; buyer_id: string; client_id: string; kind: string; body: string; payload: unknown; preview: string | null; at: string; expires_at: string;
}

export interface AppendRow {
  ord: number; head_id: string | null; head_session: string | null;
  m_id: string | null; m_seq: number; m_created: Date; m_kind: MessageRow["kind"]; m_body: string; m_payload: unknown;
  s_id: string; s_state: SessionRow["state"]; s_category: SessionRow["category"]; s_assignee: string | null; s_starred: boolean;
  s_rating: number | null; s_queued: Date; s_assigned: Date | null; s_oldest: Date | null; s_last_buyer: Date | null; s_closed: Date | null; s_bot: boolean; s_handed_over: Date | null;
  a_nickname: string | null; a_avatar: string | null; started_clock: boolean; f_threshold: number | null; f_faq_version: string | null;
}

/** The parameters of APPEND_BUYER_MESSAGES_SQL; each message's position in the list is its `ord`. */
function statementValues(inputs: BuyerAppendInput[]): [string, string] {
  const records: BuyerAppendRecord[] = inputs.map((input, ord) => ({
    ord, shop_id: input.shopId, buyer_id: input.buyerId, client_id: input.clientId, kind: input.content.kind, body: input.content.body,
    payload: input.content.payload ?? null, preview: input.preview, at: input.now.toISOString(), expires_at: input.expiresAt.toISOString(),
  }));
  return [JSON.stringify(records), JOB_EXPIRE_SESSION];
}

/** One message's outcome from its row (rows[i].ord === i; a missing row is a fallback). */
export function fastPathOutcomeOf(input: BuyerAppendInput, row: AppendRow | undefined): FastPathOutcome {
  if (!row?.head_id) return { kind: "fallback" };
  if (!row.m_id) return { kind: "duplicate", conversationId: row.head_id };
  return {
    kind: "appended",
    conversation: { id: row.head_id, buyerId: input.buyerId, shopId: input.shopId },
    library: { threshold: row.f_threshold, version: row.f_faq_version ?? "not read: automatic answers are off" },
    appended: {
      message: {
        id: row.m_id, conversationId: row.head_id, sessionId: row.head_session, seq: Number(row.m_seq), clientId: input.clientId, authorType: "buyer", authorMemberId: null,
        kind: row.m_kind, body: row.m_body, payload: row.m_payload, isAutomatic: false, createdAt: row.m_created, authorMember: null,
      },
      session: {
        id: row.s_id, conversationId: row.head_id, state: row.s_state, category: row.s_category, assigneeId: row.s_assignee, starred: row.s_starred,
        rating: row.s_rating, queuedAt: row.s_queued, assignedAt: row.s_assigned, oldestUnansweredAt: row.s_oldest, lastBuyerMessageAt: row.s_last_buyer,
        closedAt: row.s_closed, botActive: row.s_bot, handedOverAt: row.s_handed_over, assignee: row.a_nickname ? { nickname: row.a_nickname, avatarUrl: row.a_avatar } : null,
      },
      startedClock: row.started_clock,
    },
  };
}

function outcomesOf(inputs: BuyerAppendInput[], rows: AppendRow[]): FastPathOutcome[] {
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return inputs.map((input, ord) => fastPathOutcomeOf(input, byOrd.get(ord)));
}

/** Through Prisma: inside a transaction (tx), or where no driver pool is at hand. */
export async function appendBuyerMessages(db: Tx, inputs: BuyerAppendInput[]): Promise<FastPathOutcome[]> {
  const rows = await db.$queryRawUnsafe<AppendRow[]>(APPEND_BUYER_MESSAGES_SQL, ...statementValues(inputs));
  return outcomesOf(inputs, rows);
}

/** Straight through the driver, as a named (prepared once per connection) statement: the hot path. */
export async function appendBuyerMessagesOnPool(pool: pg.Pool, inputs: BuyerAppendInput[]): Promise<FastPathOutcome[]> {
  const { rows } = await pool.query<AppendRow>({ name: "append_buyer_messages", text: APPEND_BUYER_MESSAGES_SQL, values: statementValues(inputs) });
  return outcomesOf(inputs, rows);
}
