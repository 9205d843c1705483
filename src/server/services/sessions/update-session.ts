// Small session changes: star (CHAT-5), category (CONSOLE-3), the buyer's rating (CHAT-7).
// Star and category follow the session rules (session-actions.ts) under the conversation lock.
import { refreshSessionFacts } from "@/server/services/analytics/facts";
import { assertCan } from "@/core/permissions";
import { AppError } from "@/core/errors";
import { assertSessionAction } from "@/core/session/session-actions";
import { lockConversations } from "@/server/services/assignment/assignment-lock";
import { toSessionActor } from "@/server/services/sessions/session-actor";
import type { Database } from "@/server/db/client";
import type { SessionCategory } from "@/core/session/category";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { BLOCKED_NOTICE } from "@/server/services/messaging/ingest-buyer-message";

/**
 * Star and category change one flag of a session someone may be transferring: the conversation
 * row is locked first (as transfers and ends lock it), then visibility and the holder rule are
 * checked on the session as it is now, and the change is written in the same transaction.
 */
async function updateHeldSession(
  db: Database,
  input: { member: MemberContext; sessionId: string; action: "star" | "set_category"; change: "starred" | "categorized"; data: { starred?: boolean; category?: SessionCategory | null } },
): Promise<ServiceResult<null>> {
  const { member } = input;
  assertCan(member, input.action === "star" ? "session:star" : "session:set_category");
  return db.$transaction(async (tx) => {
    const found = await tx.chatSession.findFirst({ where: { id: input.sessionId, shopId: member.shopId }, select: { conversationId: true } });
    if (!found) throw new AppError("NOT_FOUND", "That chat was not found.");
    await lockConversations(tx, [found.conversationId]);
    await loadVisibleConversation(tx, member, found.conversationId);
    const session = await tx.chatSession.findUniqueOrThrow({ where: { id: input.sessionId } });
    assertSessionAction(input.action, session, toSessionActor(member));
    await tx.chatSession.update({ where: { id: session.id }, data: input.data });
    return serviceResult(null, await sessionChangeEvents(tx, { shopId: session.shopId, sessionIds: [session.id], change: input.change }));
  });
}

export async function setSessionStar(db: Database, input: { member: MemberContext; sessionId: string; starred: boolean }): Promise<ServiceResult<null>> {
  return updateHeldSession(db, { member: input.member, sessionId: input.sessionId, action: "star", change: "starred", data: { starred: input.starred } });
}

export async function setSessionCategory(db: Database, input: { member: MemberContext; sessionId: string; category: SessionCategory | null }): Promise<ServiceResult<null>> {
  return updateHeldSession(db, { member: input.member, sessionId: input.sessionId, action: "set_category", change: "categorized", data: { category: input.category } });
}

/**
 * CHAT-7: the buyer rates an ended session once, on a five-point scale, with an optional
 * comment. SET-4: a blocked buyer is not asked to rate, and a rating they send is refused.
 */
export async function rateSession(
  db: Database,
  input: { shopId: string; buyerId: string; sessionId: string; rating: number; comment?: string | null; now?: Date },
): Promise<ServiceResult<null>> {
  const blocked = await db.blockedBuyer.findFirst({ where: { buyerId: input.buyerId, shopId: input.shopId }, select: { id: true } });
  if (blocked) throw new AppError("FORBIDDEN", BLOCKED_NOTICE);
  const session = await db.chatSession.findFirst({
    where: { id: input.sessionId, shopId: input.shopId, conversation: { buyerId: input.buyerId } },
  });
  if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
  if (session.state !== "ended") throw new AppError("CONFLICT", "You can rate a chat once it has ended.");
  const count = await db.$transaction(async (tx) => {
    const updated = await tx.chatSession.updateMany({ where: { id: session.id, rating: null }, data: { rating: input.rating, ratingComment: normalizeComment(input.comment), ratedAt: input.now ?? new Date() } });
    // Analytics (issue 11 item 5): the rating, in this transaction.
    if (updated.count > 0) await refreshSessionFacts(tx, session.shopId, [session.id]);
    return updated.count;
  });
  if (count === 0) throw new AppError("CONFLICT", "You have already rated this chat. Thank you!");
  return serviceResult(null, await sessionChangeEvents(db, { shopId: session.shopId, sessionIds: [session.id], change: "rated" }));
}

/** Blank or whitespace-only comments are none; inner line breaks are kept (the console shows them). */
function normalizeComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
