// Small session changes: star (CHAT-5), category (CONSOLE-3), the buyer's rating (CHAT-7).
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { SessionCategory } from "@/core/session/category";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { sessionChangeEvents } from "@/server/services/assignment/session-events";
import type { MemberContext } from "@/server/services/resolve-member";
import type { OutgoingEvent } from "@/server/realtime/publish";

async function loadVisibleSession(db: Database, member: MemberContext, sessionId: string) {
  const session = await db.chatSession.findFirst({ where: { id: sessionId, shopId: member.shopId } });
  if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
  await loadVisibleConversation(db, member, session.conversationId);
  return session;
}

export async function setSessionStar(db: Database, input: { member: MemberContext; sessionId: string; starred: boolean }): Promise<OutgoingEvent[]> {
  const session = await loadVisibleSession(db, input.member, input.sessionId);
  await db.chatSession.update({ where: { id: session.id }, data: { starred: input.starred } });
  return sessionChangeEvents(db, { shopId: session.shopId, sessionIds: [session.id], change: "starred" });
}

export async function setSessionCategory(db: Database, input: { member: MemberContext; sessionId: string; category: SessionCategory | null }): Promise<OutgoingEvent[]> {
  const session = await loadVisibleSession(db, input.member, input.sessionId);
  await db.chatSession.update({ where: { id: session.id }, data: { category: input.category } });
  return sessionChangeEvents(db, { shopId: session.shopId, sessionIds: [session.id], change: "categorized" });
}

/** CHAT-7: the buyer rates an ended session once, on a five-point scale. */
export async function rateSession(
  db: Database,
  input: { shopId: string; buyerId: string; sessionId: string; rating: number; now?: Date },
): Promise<OutgoingEvent[]> {
  const session = await db.chatSession.findFirst({
    where: { id: input.sessionId, shopId: input.shopId, conversation: { buyerId: input.buyerId } },
  });
  if (!session) throw new AppError("NOT_FOUND", "That chat was not found.");
  if (session.state !== "ended") throw new AppError("CONFLICT", "You can rate a chat once it has ended.");
  const { count } = await db.chatSession.updateMany({ where: { id: session.id, rating: null }, data: { rating: input.rating, ratedAt: input.now ?? new Date() } });
  if (count === 0) throw new AppError("CONFLICT", "You have already rated this chat. Thank you!");
  return sessionChangeEvents(db, { shopId: session.shopId, sessionIds: [session.id], change: "rated" });
}
