// TEAM-3: when a member is deactivated (or deleted), their open sessions go back to the queue
// (recorded as "requeue", ASSIGN-8) and their count drops by the sessions moved. Deactivation
// calls the transaction half inside its own transaction, so the status and the requeue commit
// together (a crash between them can no longer leave chats on a deactivated member). The caller
// publishes the events and drains the queue, which routes the sessions to someone else (ASSIGN-4).
import { FIXED_NOTE_TEXT } from "@/core/messaging/system-note";
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { transitionSession } from "@/core/session/state-machine";
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";
import { appendSystemNotes } from "@/server/services/assignment/apply-assignments";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import { stateWhere } from "@/server/services/sessions/state-guards";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export interface RequeueInput {
  shopId: string;
  memberId: string;
  actorMemberId: string | null;
  now?: Date;
  /** Only these of the member's sessions (a lost console's, ASSIGN-2); all of them by default. */
  sessionIds?: string[];
  /** Recorded in the requeue's detail. */
  reason?: "member_deactivated" | "console_lost";
}

export async function requeueMemberSessions(db: Database, input: RequeueInput): Promise<OutgoingEvent[]> {
  return db.$transaction(async (tx) => {
    await lockShopAssignments(tx, input.shopId);
    return requeueMemberSessionsInTransaction(tx, input);
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
}

/**
 * The requeue itself, with its events. The caller holds the shop's assignment lock (ASSIGN-7);
 * the events are read inside the transaction so that they can be published the moment it commits.
 */
export async function requeueMemberSessionsInTransaction(tx: Tx, input: RequeueInput): Promise<OutgoingEvent[]> {
  const now = input.now ?? new Date();
  const { shopId, memberId } = input;
  const sessions = await tx.chatSession.findMany({ where: { shopId, assigneeId: memberId, state: stateWhere("requeue"), ...(input.sessionIds ? { id: { in: input.sessionIds } } : {}) }, select: { id: true, conversationId: true, state: true } });
  if (sessions.length === 0) return [];
  await lockConversations(tx, sessions.map((session) => session.conversationId));
  const ids = sessions.map((session) => session.id);
  const nextState = transitionSession(sessions[0]!.state, "requeue");
  const { count } = await tx.chatSession.updateMany({ where: { id: { in: ids }, state: stateWhere("requeue"), assigneeId: memberId }, data: { state: nextState, assigneeId: null, assignedAt: null } });
  // Moved by the count of sessions moved, not reset to 0: a counter that had drifted stays
  // visibly wrong for the reconciliation (reconcile-open-counts.ts) instead of being papered over.
  await tx.member.update({ where: { id: memberId }, data: { openSessionCount: { decrement: count } } });
  await tx.assignment.createMany({
    data: sessions.map((session) => ({ shopId, sessionId: session.id, kind: "requeue" as const, fromMemberId: memberId, actorMemberId: input.actorMemberId, detail: { reason: input.reason ?? "member_deactivated" }, createdAt: now })),
  });
  // Analytics (issue 11 item 5): the sessions' holders, in this transaction.
  await refreshSessionFacts(tx, shopId, ids);
  const notes = await appendSystemNotes(tx, {
    shopId,
    now,
    notes: sessions.map((session) => ({ conversationId: session.conversationId, sessionId: session.id, body: FIXED_NOTE_TEXT.requeued, payload: { event: "requeued" } })),
  });
  return sessionChangeEvents(tx, {
    shopId,
    sessionIds: ids,
    change: "requeued",
    alsoNotify: () => [rooms.member(memberId)],
    notes: new Map(sessions.map((session, index) => [session.id, notes[index]!])),
  });
}
