// SET-4 and CHAT-9: blocked buyers cannot send messages (the widget shows a clear notice), and
// blocking closes their open session, by the rules of ending a chat (an agent may not block
// the buyer of a chat another member holds). Unblocking lets them write again.
import { FIXED_NOTE_TEXT } from "@/core/messaging/system-note";
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { assertCan } from "@/core/permissions";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { closeSessionInTransaction } from "@/server/services/sessions/close-session";
import { BLOCKED_NOTICE } from "@/server/services/messaging/ingest-buyer-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

export async function blockBuyer(
  db: Database,
  input: { member: MemberContext; buyerId: string; reason?: string | null; now?: Date },
): Promise<ServiceResult<{ closedSession: boolean }>> {
  const now = input.now ?? new Date();
  const { member } = input;
  assertCan(member, "buyer:block");
  // One transaction under the shop's assignment lock: the open chat is closed by the rules of
  // ending a chat (issue 15: blocking was a way to end another agent's chat), checked on the
  // locked row, and the block is written only if that close is allowed.
  const outcome = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, member.shopId);
    const buyer = await tx.buyer.findFirst({ where: { id: input.buyerId, shopId: member.shopId }, include: { conversation: true } });
    if (!buyer) throw new AppError("NOT_FOUND", "That buyer was not found.");
    let closeEvents: OutgoingEvent[] = [];
    if (buyer.conversation) {
      await lockConversations(tx, [buyer.conversation.id]);
      const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: buyer.conversation.id }, select: { activeSessionId: true } });
      if (conversation.activeSessionId) {
        assertCan(member, "session:end");
        closeEvents = (await closeSessionInTransaction(tx, { shopId: buyer.shopId, sessionId: conversation.activeSessionId, event: "end", actor: member, now, note: FIXED_NOTE_TEXT.closedByShop })) ?? [];
      }
    }
    // Blocked twice at once: the first one wins, the result is the same.
    await tx.blockedBuyer.createMany({ data: [{ shopId: buyer.shopId, buyerId: buyer.id, blockedById: member.memberId, reason: input.reason ?? null, createdAt: now }], skipDuplicates: true });
    return { buyer, closeEvents };
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
  const { buyer, closeEvents } = outcome;
  const events: OutgoingEvent[] = [
    toWidget(buyer.id, "buyer.blocked", { message: BLOCKED_NOTICE }),
    toConsole([rooms.shop(buyer.shopId)], "member.changed", { memberId: member.memberId, change: "updated" }),
    ...closeEvents,
  ];
  const closedSession = closeEvents.length > 0;
  // A closed chat freed its holder's capacity (ASSIGN-4).
  return serviceResult({ closedSession }, events, closedSession ? [buyer.shopId] : []);
}

/** SET-4: the buyer's open widgets are told at once, so they can write without a reload. */
export async function unblockBuyer(db: Database, input: { member: MemberContext; buyerId: string }): Promise<ServiceResult<null>> {
  assertCan(input.member, "buyer:block");
  const { count } = await db.blockedBuyer.deleteMany({ where: { buyerId: input.buyerId, shopId: input.member.shopId } });
  if (count === 0) throw new AppError("NOT_FOUND", "That buyer is not blocked.");
  return serviceResult(null, [toWidget(input.buyerId, "buyer.unblocked", {})]);
}
