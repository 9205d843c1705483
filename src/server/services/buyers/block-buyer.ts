// SET-4 and CHAT-9: blocked buyers cannot send messages (the widget shows a clear notice), and
// blocking closes their open session. Unblocking lets them write again.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { closeSession } from "@/server/services/sessions/close-session";
import { BLOCKED_NOTICE } from "@/server/services/messaging/ingest-buyer-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export async function blockBuyer(
  db: Database,
  input: { member: MemberContext; buyerId: string; reason?: string | null; now?: Date },
): Promise<{ events: OutgoingEvent[]; closedSession: boolean }> {
  const now = input.now ?? new Date();
  const buyer = await db.buyer.findFirst({ where: { id: input.buyerId, shopId: input.member.shopId }, include: { conversation: true, blocked: true } });
  if (!buyer) throw new AppError("NOT_FOUND", "That buyer was not found.");
  if (!buyer.blocked) {
    await db.blockedBuyer.create({ data: { shopId: buyer.shopId, buyerId: buyer.id, blockedById: input.member.memberId, reason: input.reason ?? null, createdAt: now } }).catch((error: { code?: string }) => {
      // Blocked twice at once: the first one wins, the result is the same.
      if (error.code !== "P2002") throw error;
    });
  }
  const events: OutgoingEvent[] = [
    toWidget(buyer.id, "buyer.blocked", { message: BLOCKED_NOTICE }),
    toConsole([rooms.shop(buyer.shopId)], "member.changed", { memberId: input.member.memberId, change: "updated" }),
  ];
  let closedSession = false;
  const activeSessionId = buyer.conversation?.activeSessionId;
  if (activeSessionId) {
    const result = await closeSession(db, { shopId: buyer.shopId, sessionId: activeSessionId, event: "end", actorMemberId: input.member.memberId, now, note: "This chat was closed by the shop." });
    events.push(...result.events);
    closedSession = result.closed;
  }
  return { events, closedSession };
}

export async function unblockBuyer(db: Database, input: { member: MemberContext; buyerId: string }): Promise<void> {
  const { count } = await db.blockedBuyer.deleteMany({ where: { buyerId: input.buyerId, shopId: input.member.shopId } });
  if (count === 0) throw new AppError("NOT_FOUND", "That buyer is not blocked.");
}

export async function listBlockedBuyers(db: Database, input: { member: MemberContext }) {
  const rows = await db.blockedBuyer.findMany({
    where: { shopId: input.member.shopId },
    include: { buyer: { select: { id: true, nickname: true, externalId: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({ buyerId: row.buyer.id, nickname: row.buyer.nickname, externalId: row.buyer.externalId, reason: row.reason, blockedAt: row.createdAt.toISOString() }));
}
