// Closing a session, by an agent (CHAT-7: "ended") or by the 7-day timeout (CHAT-8: "expired").
// Under the shop's assignment lock, with the conversation row locked: the session is re-read,
// the acting member's right to end it is checked on that row (a former holder gets FORBIDDEN
// once a transfer has committed, issue 9), the state machine decides, the holder's open count
// drops, the conversation has no active session any more, and a system note says what happened.
// The events are read inside the transaction; the result names the shop whose queue to drain
// (capacity was freed, ASSIGN-4) and the adapter publishes and drains.
import { FIXED_NOTE_TEXT } from "@/core/messaging/system-note";
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { assertCan } from "@/core/permissions";
import { AppError } from "@/core/errors";
import { assertSessionAction } from "@/core/session/session-actions";
import { canTransition, transitionSession } from "@/core/session/state-machine";
import { isDueToExpire } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { appendSystemNotes } from "@/server/services/assignment/apply-assignments";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { toSessionActor } from "@/server/services/sessions/session-actor";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

/** `closed` is false only when an expiry no longer applied; a closed session drains its shop's queue. */
export type CloseResult = ServiceResult<{ closed: boolean }>;

/** CHAT-7: an agent ends a chat. Who may is decided under the lock (session-actions.ts). */
export async function endSession(db: Database, input: { member: MemberContext; sessionId: string; now?: Date }): Promise<CloseResult> {
  const { member } = input;
  assertCan(member, "session:end");
  return closeSession(db, { shopId: member.shopId, sessionId: input.sessionId, event: "end", actor: member, now: input.now ?? new Date() });
}

/** CHAT-8: the job's entry point. Re-checks the clock, so a stale or repeated job does nothing. */
export async function expireSessionIfDue(db: Database, input: { sessionId: string; now: Date }): Promise<CloseResult | null> {
  const session = await db.chatSession.findUnique({ where: { id: input.sessionId } });
  if (!session || !canTransition(session.state, "expire")) return null;
  if (!isDueToExpire(session.oldestUnansweredAt, input.now)) return null;
  return closeSession(db, { shopId: session.shopId, sessionId: session.id, event: "expire", actor: null, now: input.now });
}

export interface CloseInput {
  shopId: string;
  sessionId: string;
  event: "end" | "expire";
  /** The member ending it, held to the `end` rules; null for the system (the timeout). */
  actor: MemberContext | null;
  now: Date;
  note?: string;
}

export async function closeSession(db: Database, input: CloseInput): Promise<CloseResult> {
  const events = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, input.shopId);
    return closeSessionInTransaction(tx, input);
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
  return events ? serviceResult({ closed: true }, events, [input.shopId]) : serviceResult({ closed: false });
}

/**
 * The close itself, for a caller that holds the shop's assignment lock (block-buyer.ts closes
 * and blocks in one transaction). Null when an expiry no longer applies.
 */
export async function closeSessionInTransaction(tx: Tx, input: CloseInput): Promise<OutgoingEvent[] | null> {
  const { shopId, now } = input;
  const current = await tx.chatSession.findFirst({ where: { id: input.sessionId, shopId }, select: { conversationId: true } });
  if (!current) throw new AppError("NOT_FOUND", "That chat was not found.");
  await lockConversations(tx, [current.conversationId]);
  // Re-read under the locks: this row is the one the check and the change both see.
  const session = await tx.chatSession.findUniqueOrThrow({ where: { id: input.sessionId } });
  if (input.event === "expire") {
    // A reply or an end since the job was scheduled: nothing to do.
    if (!canTransition(session.state, "expire") || !isDueToExpire(session.oldestUnansweredAt, now)) return null;
  }
  if (input.actor) assertSessionAction("end", session, toSessionActor(input.actor));
  const nextState = transitionSession(session.state, input.event);
  await tx.chatSession.update({
    where: { id: session.id },
    data: { state: nextState, closedAt: now, endedById: input.event === "end" ? input.actor?.memberId ?? null : null },
  });
  if (session.state === "open" && session.assigneeId) {
    // No clamp at zero: a counter that went wrong must show, for reconcile-open-counts.ts.
    await tx.$executeRaw`UPDATE "Member" SET "openSessionCount" = "openSessionCount" - 1 WHERE id = ${session.assigneeId}::uuid`;
  }
  await tx.conversation.updateMany({ where: { id: session.conversationId, activeSessionId: session.id }, data: { activeSessionId: null } });
  // Analytics (issue 11 item 5): the closure and its member, in this transaction.
  await refreshSessionFacts(tx, shopId, [session.id]);
  const [note] = await appendSystemNotes(tx, {
    shopId,
    now,
    notes: [{
      conversationId: session.conversationId,
      sessionId: session.id,
      body: input.note ?? (input.event === "end" ? FIXED_NOTE_TEXT.ended : FIXED_NOTE_TEXT.expired),
      payload: { event: input.event === "end" ? (input.note ? "closed" : "ended") : "expired" },
    }],
  });
  return sessionChangeEvents(tx, {
    shopId,
    sessionIds: [session.id],
    change: input.event === "end" ? "ended" : "expired",
    // A queued session also leaves everyone's Unassigned list.
    alsoNotify: () => (session.state === "queued" ? [rooms.shop(shopId)] : []),
    notes: new Map([[session.id, note!]]),
  });
}
