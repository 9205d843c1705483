// ASSIGN-5 and CHAT-6: people moving sessions. "Assign to me" and "assign to" take a queued
// session; a transfer moves one open session, or all of the member's open sessions (the latest
// 100), to another member found by nickname. Manual moves ignore the accept switch, presence
// and capacity (only auto-assignment is bound by them, ASSIGN-6/7) but never go to a
// deactivated or deleted member, which is re-checked under the lock. The target and the buyer
// see a system note; every move is recorded with who did it (ASSIGN-8).
import { transferNoteOf } from "@/core/messaging/system-note";
import { AppError } from "@/core/errors";
import { assertCan, can } from "@/core/permissions";
import { assertSessionAction, canActOnSession } from "@/core/session/session-actions";
import type { Database } from "@/server/db/client";
import { applyAssignments, type AppliedAssignment, type AssignmentItem } from "@/server/services/assignment/apply-assignments";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { fromQueue, sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { toSessionActor } from "@/server/services/sessions/session-actor";
import { stateWhere } from "@/server/services/sessions/state-guards";
import { rooms } from "@/server/realtime/rooms";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

export const TRANSFER_ALL_LIMIT = 100;

/** How many sessions moved; a transfer names its shop for a drain (the sender's capacity was freed). */
export type MoveResult = ServiceResult<{ moved: number }>;

type Target = { id: string; nickname: string };

/** The target as it is now: read (and row-locked) inside the move's transaction, after the shop lock. */
async function lockActiveTarget(tx: Tx, shopId: string, where: { id?: string; nickname?: string }): Promise<Target> {
  const target = await tx.member.findFirst({
    where: { shopId, ...(where.id ? { id: where.id } : {}), ...(where.nickname ? { nickname: { equals: where.nickname, mode: "insensitive" } } : {}) },
    orderBy: { id: "asc" },
  });
  if (!target) throw new AppError("NOT_FOUND", "No member with that nickname in this shop.", { target: ["Unknown member"] });
  // Deactivation takes the shop's assignment lock before the member row (assignment-lock.ts), and
  // so do we: the status read here cannot change before the move commits.
  await tx.$executeRaw`SELECT 1 FROM "Member" WHERE id = ${target.id}::uuid FOR UPDATE`;
  const locked = await tx.member.findUniqueOrThrow({ where: { id: target.id } });
  if (locked.deletedAt) throw new AppError("CONFLICT", `${locked.nickname} has been deleted and cannot receive chats.`, { target: ["Deleted member"] });
  if (locked.status !== "active") throw new AppError("CONFLICT", `${locked.nickname} is deactivated and cannot receive chats.`, { target: ["Deactivated member"] });
  return { id: locked.id, nickname: locked.nickname };
}

/** ASSIGN-5: take a queued session, or give it to any active member. */
export async function assignQueuedSession(
  db: Database,
  input: { member: MemberContext; sessionId: string; targetMemberId: string; now?: Date },
): Promise<MoveResult> {
  const { member } = input;
  const isSelf = input.targetMemberId === member.memberId;
  if (!can(member, isSelf ? "session:assign_self" : "session:assign_other")) throw new AppError("FORBIDDEN", "Your role may not assign chats.");
  const found = await db.chatSession.findFirst({ where: { id: input.sessionId, shopId: member.shopId }, select: { conversationId: true } });
  if (!found) throw new AppError("NOT_FOUND", "That chat was not found.");
  return move(db, member.shopId, member.memberId, input.now ?? new Date(), "assigned", [found.conversationId], async (tx) => {
    const target = await lockActiveTarget(tx, member.shopId, { id: input.targetMemberId });
    const session = await tx.chatSession.findUniqueOrThrow({ where: { id: input.sessionId } });
    assertSessionAction("assign", session, toSessionActor(member));
    return [{
      sessionId: session.id,
      conversationId: session.conversationId,
      fromMemberId: null,
      toMemberId: target.id,
      kind: "manual",
      mode: null,
      actorMemberId: member.memberId,
      detail: { by: member.nickname, reason: isSelf ? "assign_to_me" : "assign_to" },
      note: isSelf ? { kind: "joined", to: target.nickname } : { kind: "assigned", actor: member.nickname, to: target.nickname },
      noteEvent: "assigned",
    }];
  });
}

/**
 * CHAT-6: transfer this chat only, or all my ongoing chats (the latest 100), to a member named
 * by nickname (as agents type it) or by id (as the dialog picks it: nicknames may repeat).
 * The sessions, their holder and the target are all read inside the transaction, under the
 * shop's assignment lock and the conversation locks: a former holder's transfer fails once
 * another transfer has committed (issue 9).
 */
export async function transferSessions(
  db: Database,
  input: { member: MemberContext; scope: { sessionId: string } | "all_mine"; targetNickname?: string; targetMemberId?: string; now?: Date },
): Promise<MoveResult> {
  const { member } = input;
  assertCan(member, "session:transfer");
  if (!input.targetMemberId && !input.targetNickname?.trim()) throw new AppError("BAD_INPUT", "Choose the member to transfer to.", { target: ["Required"] });
  const targetWhere = input.targetMemberId ? { id: input.targetMemberId } : { nickname: input.targetNickname!.trim() };
  // Which conversations to lock: read before the lock, re-checked after it.
  const candidates = input.scope === "all_mine"
    ? await db.chatSession.findMany({
        where: { shopId: member.shopId, state: stateWhere("transfer"), assigneeId: member.memberId },
        orderBy: [{ assignedAt: "desc" }, { id: "asc" }],
        take: TRANSFER_ALL_LIMIT,
        select: { id: true, conversationId: true },
      })
    : await db.chatSession.findMany({ where: { id: input.scope.sessionId, shopId: member.shopId }, select: { id: true, conversationId: true } });
  if (input.scope !== "all_mine" && candidates.length === 0) throw new AppError("NOT_FOUND", "That chat was not found.");
  if (input.scope === "all_mine" && candidates.length === 0) {
    // Nothing to move, but a wrong target is still an error the sender should see.
    await db.$transaction(async (tx) => { await lockShopAssignments(tx, member.shopId); await lockActiveTarget(tx, member.shopId, targetWhere); });
    return serviceResult({ moved: 0 });
  }
  const actor = toSessionActor(member);
  return move(db, member.shopId, member.memberId, input.now ?? new Date(), "transferred", candidates.map((session) => session.conversationId), async (tx) => {
    const target = await lockActiveTarget(tx, member.shopId, targetWhere);
    const current = await tx.chatSession.findMany({ where: { id: { in: candidates.map((session) => session.id) } }, orderBy: [{ assignedAt: "desc" }, { id: "asc" }] });
    let sessions = current;
    if (input.scope === "all_mine") {
      // Still mine and still ongoing now that the lock is held.
      sessions = current.filter((session) => canActOnSession("transfer", session, { ...actor, managesAllChats: false }));
    } else {
      assertSessionAction("transfer", current[0]!, actor);
    }
    const movable = sessions.filter((session) => session.assigneeId !== target.id);
    if (movable.length === 0 && input.scope !== "all_mine") throw new AppError("CONFLICT", `${target.nickname} already holds this chat.`, { target: ["Already the holder"] });
    const fromNicknames = new Map((await tx.member.findMany({ where: { id: { in: movable.map((s) => s.assigneeId!) } }, select: { id: true, nickname: true } })).map((m) => [m.id, m.nickname]));
    return movable.map((session) => ({
      sessionId: session.id,
      conversationId: session.conversationId,
      fromMemberId: session.assigneeId,
      toMemberId: target.id,
      kind: "transfer" as const,
      mode: null,
      actorMemberId: member.memberId,
      detail: { by: member.nickname, scope: input.scope === "all_mine" ? "all_mine" : "this_chat" },
      note: transferNoteOf({
        holder: fromNicknames.get(session.assigneeId!) ?? null,
        holderId: session.assigneeId,
        actor: { memberId: member.memberId, nickname: member.nickname },
        target: { memberId: target.id, nickname: target.nickname },
      }),
      noteEvent: "transferred" as const,
    }));
  });
}

/**
 * One move in one transaction: the shop's assignment lock, the conversations (sorted), then
 * `plan` decides on the rows as they are now, and the guarded claim applies it. The events are
 * read before commit, so the caller can publish them the moment it returns.
 */
async function move(
  db: Database,
  shopId: string,
  actorMemberId: string,
  now: Date,
  change: "assigned" | "transferred",
  conversationIds: string[],
  plan: (tx: Tx) => Promise<AssignmentItem[]>,
): Promise<MoveResult> {
  return db.$transaction(async (tx) => {
    await lockShopAssignments(tx, shopId);
    await lockConversations(tx, conversationIds);
    const items = await plan(tx);
    if (items.length === 0) return serviceResult({ moved: 0 });
    const applied: AppliedAssignment[] = await applyAssignments(tx, { shopId, now, items });
    // Under the locks the claim cannot miss; if it does, something bypassed them: refuse loudly.
    if (applied.length < items.length && items.length === 1) throw new AppError("CONFLICT", "This chat changed hands a moment ago. Refresh and try again.");
    const previousHolder = new Map(applied.map((item) => [item.sessionId, item.fromMemberId]));
    const events = await sessionChangeEvents(tx, {
      shopId,
      sessionIds: applied.map((item) => item.sessionId),
      change,
      alsoNotify: change === "assigned" ? fromQueue(shopId) : (sessionId) => { const from = previousHolder.get(sessionId); return from ? [rooms.member(from)] : []; },
      notes: new Map(applied.map((item) => [item.sessionId, item.noteMessage])),
      actorMemberId,
    });
    // A transfer freed the sender's capacity: their share of the queue can now flow to others.
    return serviceResult({ moved: applied.length }, events, change === "transferred" ? [shopId] : []);
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
}
