// TEAM-3: when a member is deactivated (or deleted), their open sessions go back to the queue
// (recorded as "requeue", ASSIGN-8) and their count drops to zero. The caller publishes the
// events and drains the queue, which routes the sessions to someone else (ASSIGN-4).
import type { Database } from "@/server/db/client";
import { appendSystemNotes } from "@/server/services/assignment/apply-assignments";
import { lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export async function requeueMemberSessions(
  db: Database,
  input: { shopId: string; memberId: string; actorMemberId: string | null; now?: Date },
): Promise<OutgoingEvent[]> {
  const now = input.now ?? new Date();
  const { shopId, memberId } = input;
  const requeued = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, shopId);
    const sessions = await tx.chatSession.findMany({ where: { shopId, assigneeId: memberId, state: "open" }, select: { id: true, conversationId: true } });
    if (sessions.length === 0) return { sessions, notes: [] };
    await lockConversations(tx, sessions.map((session) => session.conversationId));
    const ids = sessions.map((session) => session.id);
    await tx.chatSession.updateMany({ where: { id: { in: ids }, state: "open", assigneeId: memberId }, data: { state: "queued", assigneeId: null, assignedAt: null } });
    await tx.member.update({ where: { id: memberId }, data: { openSessionCount: 0 } });
    await tx.assignment.createMany({
      data: sessions.map((session) => ({ shopId, sessionId: session.id, kind: "requeue" as const, fromMemberId: memberId, actorMemberId: input.actorMemberId, detail: { reason: "member_deactivated" }, createdAt: now })),
    });
    const notes = await appendSystemNotes(tx, {
      shopId,
      now,
      notes: sessions.map((session) => ({ conversationId: session.conversationId, sessionId: session.id, body: "Your chat is waiting for the next available agent", payload: { event: "requeued" } })),
    });
    return { sessions, notes };
  });
  return sessionChangeEvents(db, {
    shopId,
    sessionIds: requeued.sessions.map((session) => session.id),
    change: "requeued",
    alsoNotify: () => [rooms.member(memberId)],
    notes: new Map(requeued.sessions.map((session, index) => [session.id, requeued.notes[index]!])),
  });
}
