// Reading a conversation: resume after a sequence number (CHAT-3), page back in history
// (CONSOLE-6 infinite scroll) and record read state (CHAT-4).
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { MESSAGE_AUTHOR_INCLUDE, toMessageDto } from "@/server/services/messaging/message-dto";
import type { MemberContext } from "@/server/services/resolve-member";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience, rooms } from "@/server/realtime/rooms";
import type { MessageDto } from "@/shared/dto";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

export async function listMessagesAfter(db: Database, input: { conversationId: string; afterSeq: number; limit: number }): Promise<{ messages: MessageDto[]; hasMore: boolean }> {
  const rows = await db.message.findMany({
    where: { conversationId: input.conversationId, seq: { gt: input.afterSeq } },
    orderBy: { seq: "asc" },
    take: input.limit + 1,
    include: MESSAGE_AUTHOR_INCLUDE,
  });
  return { messages: rows.slice(0, input.limit).map(toMessageDto), hasMore: rows.length > input.limit };
}

export async function listMessagesBefore(db: Database, input: { conversationId: string; beforeSeq?: number; limit: number }): Promise<{ messages: MessageDto[]; hasMore: boolean }> {
  const rows = await db.message.findMany({
    where: { conversationId: input.conversationId, ...(input.beforeSeq ? { seq: { lt: input.beforeSeq } } : {}) },
    orderBy: { seq: "desc" },
    take: input.limit + 1,
    include: MESSAGE_AUTHOR_INCLUDE,
  });
  return { messages: rows.slice(0, input.limit).reverse().map(toMessageDto), hasMore: rows.length > input.limit };
}

/** An agent read up to `seq`: their unread count drops, and the buyer sees "read" (CHAT-4). */
export async function markReadByMember(db: Database, input: { member: MemberContext; conversationId: string; buyerId: string; seq: number }): Promise<ServiceResult<null>> {
  const { member, conversationId } = input;
  assertCan(member, "conversation:mark_read");
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { lastSeq: true, shopReadSeq: true } });
  if (!conversation) return serviceResult(null);
  const seq = Math.min(input.seq, conversation.lastSeq);
  await db.$executeRaw`
    INSERT INTO "ConversationRead" ("memberId", "conversationId", "lastReadSeq", "updatedAt")
    VALUES (${member.memberId}::uuid, ${conversationId}::uuid, ${seq}, now())
    ON CONFLICT ("memberId", "conversationId") DO UPDATE SET "lastReadSeq" = GREATEST("ConversationRead"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = now()`;
  const events: OutgoingEvent[] = [toConsole([rooms.member(member.memberId)], "conversation.read", { conversationId, reader: "shop", seq })];
  if (seq > conversation.shopReadSeq) {
    await db.conversation.updateMany({ where: { id: conversationId, shopReadSeq: { lt: seq } }, data: { shopReadSeq: seq } });
    events.push(toWidget(input.buyerId, "conversation.read", { conversationId, reader: "shop", seq }));
  }
  return serviceResult(null, events);
}

/** The buyer read up to `seq`: agents see it in the chat window. */
export async function markReadByBuyer(db: Database, input: { shopId: string; buyerId: string; seq: number }): Promise<ServiceResult<null>> {
  const conversation = await db.conversation.findFirst({ where: { buyerId: input.buyerId, shopId: input.shopId }, include: { activeSession: true } });
  if (!conversation) return serviceResult(null);
  const seq = Math.min(input.seq, conversation.lastSeq);
  const { count } = await db.conversation.updateMany({ where: { id: conversation.id, buyerReadSeq: { lt: seq } }, data: { buyerReadSeq: seq } });
  if (count === 0) return serviceResult(null);
  const audience = conversation.activeSession ? consoleAudience(conversation.activeSession) : [rooms.shopAllChats(input.shopId)];
  return serviceResult(null, [
    toConsole(audience, "conversation.read", { conversationId: conversation.id, reader: "buyer", seq }),
    toWidget(input.buyerId, "conversation.read", { conversationId: conversation.id, reader: "buyer", seq }),
  ]);
}
