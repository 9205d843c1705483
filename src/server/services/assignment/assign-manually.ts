// ASSIGN-5 and CHAT-6: people moving sessions. "Assign to me" and "assign to" take a queued
// session; a transfer moves one open session, or all of the member's open sessions (the latest
// 100), to another member found by nickname. Manual moves ignore the accept switch, presence
// and capacity (only auto-assignment is bound by them, ASSIGN-6/7) but never go to a
// deactivated or deleted member. The target and the buyer see a system note; every move is
// recorded with who did it (ASSIGN-8).
import { AppError } from "@/core/errors";
import { can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { applyAssignments, type AppliedAssignment, type AssignmentItem } from "@/server/services/assignment/apply-assignments";
import { lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { fromQueue, sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { MemberContext } from "@/server/services/resolve-member";
import type { OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export const TRANSFER_ALL_LIMIT = 100;

export interface MoveResult {
  moved: number;
  events: OutgoingEvent[];
}

async function findActiveTarget(db: Database, shopId: string, where: { id?: string; nickname?: string }) {
  const target = await db.member.findFirst({
    where: { shopId, ...(where.id ? { id: where.id } : {}), ...(where.nickname ? { nickname: { equals: where.nickname, mode: "insensitive" } } : {}) },
  });
  if (!target) throw new AppError("NOT_FOUND", "No member with that nickname in this shop.", { target: ["Unknown member"] });
  if (target.deletedAt) throw new AppError("CONFLICT", `${target.nickname} has been deleted and cannot receive chats.`, { target: ["Deleted member"] });
  if (target.status !== "active") throw new AppError("CONFLICT", `${target.nickname} is deactivated and cannot receive chats.`, { target: ["Deactivated member"] });
  return target;
}

/** ASSIGN-5: take a queued session, or give it to any active member. */
export async function assignQueuedSession(
  db: Database,
  input: { member: MemberContext; sessionId: string; targetMemberId: string; now?: Date },
): Promise<MoveResult> {
  const { member } = input;
  const isSelf = input.targetMemberId === member.memberId;
  if (!can(member, isSelf ? "session:assign_self" : "session:assign_other")) throw new AppError("FORBIDDEN", "Your role may not assign chats.");
  const target = await findActiveTarget(db, member.shopId, { id: input.targetMemberId });
  const session = await db.chatSession.findFirst({ where: { id: input.sessionId, shopId: member.shopId } });
  if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
  if (session.state !== "queued") throw new AppError("CONFLICT", session.state === "open" ? "Someone has already taken this chat." : "This chat is closed.");
  return move(db, member.shopId, input.now ?? new Date(), [{
    sessionId: session.id,
    conversationId: session.conversationId,
    fromMemberId: null,
    toMemberId: target.id,
    kind: "manual",
    mode: null,
    actorMemberId: member.memberId,
    detail: { by: member.nickname, reason: isSelf ? "assign_to_me" : "assign_to" },
    note: isSelf ? `${target.nickname} joined the chat` : `${member.nickname} assigned the chat to ${target.nickname}`,
    noteEvent: "assigned",
  }], "assigned");
}

/**
 * CHAT-6: transfer this chat only, or all my ongoing chats (the latest 100), to a member named
 * by nickname (as agents type it) or by id (as the dialog picks it: nicknames may repeat).
 */
export async function transferSessions(
  db: Database,
  input: { member: MemberContext; scope: { sessionId: string } | "all_mine"; targetNickname?: string; targetMemberId?: string; now?: Date },
): Promise<MoveResult> {
  const { member } = input;
  if (!input.targetMemberId && !input.targetNickname?.trim()) throw new AppError("BAD_INPUT", "Choose the member to transfer to.", { target: ["Required"] });
  const target = await findActiveTarget(db, member.shopId, input.targetMemberId ? { id: input.targetMemberId } : { nickname: input.targetNickname!.trim() });
  const sessions = input.scope === "all_mine"
    ? await db.chatSession.findMany({
        where: { shopId: member.shopId, state: "open", assigneeId: member.memberId },
        orderBy: [{ assignedAt: "desc" }, { id: "asc" }],
        take: TRANSFER_ALL_LIMIT,
      })
    : await db.chatSession.findMany({ where: { id: input.scope.sessionId, shopId: member.shopId } });
  if (input.scope !== "all_mine") {
    const session = sessions[0];
    if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
    if (session.state !== "open") throw new AppError("CONFLICT", "Only an ongoing chat can be transferred.");
    if (session.assigneeId !== member.memberId && !can(member, "session:transfer_any")) throw new AppError("FORBIDDEN", "You can only transfer your own chats.");
  }
  const movable = sessions.filter((session) => session.assigneeId !== target.id);
  if (movable.length === 0 && input.scope !== "all_mine") throw new AppError("CONFLICT", `${target.nickname} already holds this chat.`, { target: ["Already the holder"] });
  const fromNicknames = new Map((await db.member.findMany({ where: { id: { in: movable.map((s) => s.assigneeId!) } }, select: { id: true, nickname: true } })).map((m) => [m.id, m.nickname]));
  return move(db, member.shopId, input.now ?? new Date(), movable.map((session) => ({
    sessionId: session.id,
    conversationId: session.conversationId,
    fromMemberId: session.assigneeId,
    toMemberId: target.id,
    kind: "transfer",
    mode: null,
    actorMemberId: member.memberId,
    detail: { by: member.nickname, scope: input.scope === "all_mine" ? "all_mine" : "this_chat" },
    note: `${fromNicknames.get(session.assigneeId!) ?? "An agent"} transferred the chat to ${target.nickname}`,
    noteEvent: "transferred",
  })), "transferred");
}

async function move(db: Database, shopId: string, now: Date, items: AssignmentItem[], change: "assigned" | "transferred"): Promise<MoveResult> {
  if (items.length === 0) return { moved: 0, events: [] };
  const applied: AppliedAssignment[] = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, shopId);
    await lockConversations(tx, items.map((item) => item.conversationId));
    return applyAssignments(tx, { shopId, now, items });
  });
  if (applied.length < items.length && items.length === 1) throw new AppError("CONFLICT", "This chat changed hands a moment ago. Refresh and try again.");
  const previousHolder = new Map(applied.map((item) => [item.sessionId, item.fromMemberId]));
  const events = await sessionChangeEvents(db, {
    shopId,
    sessionIds: applied.map((item) => item.sessionId),
    change,
    alsoNotify: change === "assigned" ? fromQueue(shopId) : (sessionId) => { const from = previousHolder.get(sessionId); return from ? [rooms.member(from)] : []; },
    notes: new Map(applied.map((item) => [item.sessionId, item.noteMessage])),
  });
  return { moved: applied.length, events };
}
