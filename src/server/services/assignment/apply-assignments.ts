// Writes a batch of assignment decisions in set-based SQL (the Unassigned drain must move
// thousands of sessions in seconds, ASSIGN-4): the session's new holder, both members' open
// counts, the assignment record with its reasons (ASSIGN-8) and a system note in each
// conversation (CHAT-2). Call inside the shop's assignment lock with the conversations locked.
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { Prisma } from "@/generated/prisma/client";
import type { AssignmentKind, AssignmentMode } from "@/generated/prisma/enums";
import { assignmentNoteText, type AssignmentNote } from "@/core/messaging/system-note";
import { statesAllowing, transitionSession } from "@/core/session/state-machine";
import { stateGuardSql } from "@/server/services/sessions/state-guards";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MessageRow, SessionRow } from "@/server/services/messaging/message-dto";

// Both moves end in the one state a holder has; the table says which (state-machine.ts).
const ASSIGNED_STATE = transitionSession(statesAllowing("assign")[0]!, "assign");
const TRANSFERRED_STATE = transitionSession(statesAllowing("transfer")[0]!, "transfer");

export interface AssignmentItem {
  sessionId: string;
  conversationId: string;
  /** The current holder for a transfer; null when the session is queued. */
  fromMemberId: string | null;
  toMemberId: string;
  kind: AssignmentKind;
  mode: AssignmentMode | null;
  actorMemberId: string | null;
  detail: unknown;
  /** The system note shown to agents and the buyer (its English sentence is the body). */
  note: AssignmentNote;
  noteEvent: "assigned" | "transferred";
}

export interface AppliedAssignment extends AssignmentItem {
  noteMessage: MessageRow;
  /** The session as this change left it (without its assignee's name). */
  session: SessionRow;
}

export async function applyAssignments(tx: Tx, input: { shopId: string; now: Date; items: AssignmentItem[] }): Promise<AppliedAssignment[]> {
  if (input.items.length === 0) return [];
  const { shopId, now } = input;
  const sessionIds = input.items.map((item) => item.sessionId);
  const fromIds = input.items.map((item) => item.fromMemberId);
  const toIds = input.items.map((item) => item.toMemberId);

  // Guarded claim, with the guards and the new state from the transition table: a take from the
  // queue only moves a session `assign` may leave, a transfer only one `transfer` may leave with
  // the expected holder. What another transaction changed is skipped.
  const state = Prisma.sql`s."state"`;
  const claimed = await tx.$queryRaw<SessionRow[]>`
    UPDATE "ChatSession" AS s
    SET "state" = CASE WHEN v.from_id IS NULL THEN ${ASSIGNED_STATE}::"SessionState" ELSE ${TRANSFERRED_STATE}::"SessionState" END,
        "assigneeId" = v.to_id, "assignedAt" = ${now}, "updatedAt" = ${now},
        -- AUTO-5: a member taking a chat from the bot ends the bot's part for good.
        "botActive" = false, "handedOverAt" = CASE WHEN s."botActive" THEN ${now} ELSE s."handedOverAt" END
    FROM unnest(${sessionIds}::uuid[], ${fromIds}::uuid[], ${toIds}::uuid[]) AS v(id, from_id, to_id)
    WHERE s.id = v.id AND s."shopId" = ${shopId}::uuid
      AND ((v.from_id IS NULL AND ${stateGuardSql("assign", state)}) OR (${stateGuardSql("transfer", state)} AND s."assigneeId" = v.from_id AND v.from_id <> v.to_id))
    RETURNING s.id, s."conversationId", s."state"::text AS "state", s."category"::text AS "category", s."assigneeId", s.starred, s.rating, s."ratingComment",
      s."queuedAt", s."assignedAt", s."oldestUnansweredAt", s."lastBuyerMessageAt", s."closedAt", s."botActive", s."handedOverAt"`;
  const claimedById = new Map(claimed.map((row) => [row.id, row]));
  const items = input.items.filter((item) => claimedById.has(item.sessionId));
  if (items.length === 0) return [];

  const delta = new Map<string, number>();
  for (const item of items) {
    delta.set(item.toMemberId, (delta.get(item.toMemberId) ?? 0) + 1);
    if (item.fromMemberId) delta.set(item.fromMemberId, (delta.get(item.fromMemberId) ?? 0) - 1);
  }
  const memberIds = [...delta.keys()].sort();
  await tx.$executeRaw`
    UPDATE "Member" AS m SET "openSessionCount" = m."openSessionCount" + v.n, "updatedAt" = ${now}
    FROM unnest(${memberIds}::uuid[], ${memberIds.map((id) => delta.get(id)!)}::int[]) AS v(id, n)
    WHERE m.id = v.id`;

  // The rows go as one JSON document: a thousand decision details (ASSIGN-8) as a jsonb[]
  // parameter would be escaped element by element on the way out and parsed twice on the way in.
  const assignmentRows = items.map((item) => ({
    session_id: item.sessionId, kind: item.kind, to_id: item.toMemberId, from_id: item.fromMemberId,
    actor_id: item.actorMemberId, mode: item.mode, detail: item.detail ?? null,
  }));
  await tx.$executeRaw`
    INSERT INTO "Assignment" ("id", "shopId", "sessionId", "kind", "toMemberId", "fromMemberId", "actorMemberId", "mode", "detail", "createdAt")
    SELECT gen_random_uuid(), ${shopId}::uuid, v.session_id, v.kind::"AssignmentKind", v.to_id, v.from_id, v.actor_id, v.mode::"AssignmentMode", v.detail, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(assignmentRows)}::jsonb)
      AS v(session_id uuid, kind text, to_id uuid, from_id uuid, actor_id uuid, mode text, detail jsonb)`;

  // Analytics (issue 11 item 5): first hold and holder, in this transaction.
  await refreshSessionFacts(tx, shopId, items.map((item) => item.sessionId));
  const notes = await appendSystemNotes(tx, {
    shopId,
    now,
    notes: items.map((item) => ({
      conversationId: item.conversationId,
      sessionId: item.sessionId,
      body: assignmentNoteText(item.note),
      payload: { event: item.noteEvent, toMemberId: item.toMemberId, fromMemberId: item.fromMemberId, note: item.note },
    })),
  });
  return items.map((item, index) => ({ ...item, noteMessage: notes[index]!, session: claimedById.get(item.sessionId)! }));
}

/**
 * One system note per conversation, in set-based SQL: advances each conversation's sequence
 * number and inserts the note with it. Conversations must be locked by the caller, and each
 * may appear once per call. A note never becomes the list preview (CONSOLE-1: the preview is
 * what a person last wrote).
 */
export async function appendSystemNotes(
  tx: Tx,
  input: { shopId: string; now: Date; notes: Array<{ conversationId: string; sessionId: string | null; body: string; payload: unknown }> },
): Promise<MessageRow[]> {
  if (input.notes.length === 0) return [];
  const { shopId, now, notes } = input;
  // As one JSON document, like the assignment rows above.
  const noteRows = notes.map((note) => ({ conversation_id: note.conversationId, session_id: note.sessionId, body: note.body, payload: note.payload ?? null }));
  const inserted = await tx.$queryRaw<Array<{ id: string; conversationId: string; seq: number }>>`
    WITH bumped AS (
      UPDATE "Conversation" AS c
      SET "lastSeq" = c."lastSeq" + 1, "lastMessageAt" = ${now}
      FROM unnest(${notes.map((note) => note.conversationId)}::uuid[]) AS v(id)
      WHERE c.id = v.id
      RETURNING c.id, c."lastSeq"
    )
    INSERT INTO "Message" ("id", "shopId", "conversationId", "sessionId", "seq", "authorType", "kind", "body", "payload", "isAutomatic", "createdAt")
    SELECT gen_random_uuid(), ${shopId}::uuid, b.id, v.session_id, b."lastSeq", 'system', 'system', v.body, v.payload, true, ${now}
    FROM bumped AS b
    JOIN jsonb_to_recordset(${JSON.stringify(noteRows)}::jsonb) AS v(conversation_id uuid, session_id uuid, body text, payload jsonb)
      ON v.conversation_id = b.id
    RETURNING "id", "conversationId", "seq"`;
  // Everything else of the row is what was just written: no second read (a drain batch writes a
  // thousand notes). A system note has no author, no client id and is automatic.
  const byConversation = new Map(inserted.map((row) => [row.conversationId, row]));
  return notes.map((note): MessageRow => {
    const row = byConversation.get(note.conversationId)!;
    return {
      id: row.id,
      conversationId: note.conversationId,
      sessionId: note.sessionId,
      seq: row.seq,
      clientId: null,
      authorType: "system",
      authorMemberId: null,
      kind: "system",
      body: note.body,
      payload: note.payload,
      isAutomatic: true,
      createdAt: now,
      authorMember: null,
    };
  });
}
