// Closing a session, by an agent (CHAT-7: "ended") or by the 7-day timeout (CHAT-8: "expired").
// Under the shop's assignment lock: the state machine decides, the holder's open count drops,
// the conversation has no active session any more, and a system note says what happened.
// The caller publishes the events and drains the queue (capacity was freed, ASSIGN-4).
import { AppError } from "@/core/errors";
import { can } from "@/core/permissions";
import { transitionSession } from "@/core/session/state-machine";
import { isDueToExpire } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { appendSystemNotes } from "@/server/services/assignment/apply-assignments";
import { lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { MemberContext } from "@/server/services/resolve-member";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export interface CloseResult {
  closed: boolean;
  shopId: string;
  events: OutgoingEvent[];
}

export async function endSession(db: Database, input: { member: MemberContext; sessionId: string; now?: Date }): Promise<CloseResult> {
  const { member } = input;
  const session = await db.chatSession.findFirst({ where: { id: input.sessionId, shopId: member.shopId } });
  if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
  const holdsIt = session.assigneeId === member.memberId;
  // Queued sessions can be ended by anyone who sees Unassigned; open ones by their holder or a
  // role with chat access management.
  if (session.state === "open" && !holdsIt && !can(member, "session:transfer_any")) {
    throw new AppError("FORBIDDEN", "Only the member holding this chat can end it.");
  }
  return closeSession(db, { shopId: member.shopId, sessionId: session.id, event: "end", actorMemberId: member.memberId, now: input.now ?? new Date() });
}

/** CHAT-8: the job's entry point. Re-checks the clock, so a stale or repeated job does nothing. */
export async function expireSessionIfDue(db: Database, input: { sessionId: string; now: Date }): Promise<CloseResult | null> {
  const session = await db.chatSession.findUnique({ where: { id: input.sessionId } });
  if (!session || (session.state !== "queued" && session.state !== "open")) return null;
  if (!isDueToExpire(session.oldestUnansweredAt, input.now)) return null;
  return closeSession(db, { shopId: session.shopId, sessionId: session.id, event: "expire", actorMemberId: null, now: input.now });
}

export async function closeSession(
  db: Database,
  input: { shopId: string; sessionId: string; event: "end" | "expire"; actorMemberId: string | null; now: Date; note?: string },
): Promise<CloseResult> {
  const { shopId, now } = input;
  const outcome = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, shopId);
    const current = await tx.chatSession.findUniqueOrThrow({ where: { id: input.sessionId } });
    await lockConversations(tx, [current.conversationId]);
    const session = await tx.chatSession.findUniqueOrThrow({ where: { id: input.sessionId } });
    if (input.event === "expire" && !isDueToExpire(session.oldestUnansweredAt, now)) return null;
    const nextState = transitionSession(session.state, input.event);
    await tx.chatSession.update({
      where: { id: session.id },
      data: { state: nextState, closedAt: now, endedById: input.event === "end" ? input.actorMemberId : null },
    });
    if (session.state === "open" && session.assigneeId) {
      await tx.$executeRaw`UPDATE "Member" SET "openSessionCount" = GREATEST("openSessionCount" - 1, 0) WHERE id = ${session.assigneeId}::uuid`;
    }
    await tx.conversation.updateMany({ where: { id: session.conversationId, activeSessionId: session.id }, data: { activeSessionId: null } });
    const [note] = await appendSystemNotes(tx, {
      shopId,
      now,
      notes: [{
        conversationId: session.conversationId,
        sessionId: session.id,
        body: input.note ?? (input.event === "end" ? "The chat has ended. How did we do?" : "This chat was closed after 7 days without a reply."),
        payload: { event: input.event === "end" ? (input.note ? "closed" : "ended") : "expired" },
      }],
    });
    return { session, note: note! };
  });
  if (!outcome) return { closed: false, shopId, events: [] };
  const events = await sessionChangeEvents(db, {
    shopId,
    sessionIds: [outcome.session.id],
    change: input.event === "end" ? "ended" : "expired",
    // A queued session also leaves everyone's Unassigned list.
    alsoNotify: () => (outcome.session.state === "queued" ? [rooms.shop(shopId)] : []),
    notes: new Map([[outcome.session.id, outcome.note]]),
  });
  return { closed: true, shopId, events };
}
