// An agent's reply (CHAT-2, CHAT-3, CHAT-8). The role must be allowed the message's kind (cards,
// vouchers, uploads); only the member holding the open session replies;
// a closed or expired session takes no reply. A retried clientId returns the stored message.
// Replying stops the SLA clock, records the first response and marks the chat read.
import { AppError } from "@/core/errors";
import { assertCan, type Action } from "@/core/permissions";
import { assertSessionAction } from "@/core/session/session-actions";
import { toSessionActor } from "@/server/services/sessions/session-actor";
import type { Database } from "@/server/db/client";
import { appendMessage, findMessageByClientId, lockConversation, MESSAGE_TRANSACTION_OPTIONS } from "@/server/services/messaging/append-message";
import { SESSION_ASSIGNEE_INCLUDE, toMessageDto, toSessionDto } from "@/server/services/messaging/message-dto";
import { resolveContent } from "@/server/services/messaging/resolve-content";
import type { MemberContext } from "@/server/services/resolve-member";
import { toConsole, toWidget } from "@/server/realtime/publish";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { consoleAudience } from "@/server/realtime/rooms";
import type { MessageDto } from "@/shared/dto";
import type { TAgentMessageContent } from "@/shared/message-schemas";

export interface AgentMessageData {
  message: MessageDto;
  isDuplicate: boolean;
}

/** What each kind of message needs beyond message:send (docs/permissions.md). */
const KIND_ACTIONS: Partial<Record<TAgentMessageContent["kind"], Action>> = {
  product_card: "card:send",
  order_card: "card:send",
  voucher_card: "voucher:send",
  image: "upload:create",
  video: "upload:create",
};

export function assertCanSendKind(member: MemberContext, kind: TAgentMessageContent["kind"]): void {
  const action = KIND_ACTIONS[kind];
  if (action) assertCan(member, action);
}

export async function sendAgentMessage(
  db: Database,
  input: { member: MemberContext; conversationId: string; clientId: string; content: TAgentMessageContent; now?: Date },
): Promise<ServiceResult<AgentMessageData>> {
  const now = input.now ?? new Date();
  const { member } = input;
  assertCan(member, "message:send");
  assertCanSendKind(member, input.content.kind);
  return db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, input.conversationId);
    if (!conversation || conversation.shopId !== member.shopId) throw new AppError("NOT_FOUND", "That chat was not found.");
    const existing = await findMessageByClientId(tx, conversation.id, input.clientId);
    if (existing) {
      if (existing.authorMemberId !== member.memberId) throw new AppError("CONFLICT", "That message id is already used.", { clientId: ["Already used"] });
      return serviceResult({ message: toMessageDto(existing), isDuplicate: true });
    }
    // Read after the conversation lock, which transfers and ends also take: the holder checked
    // here is the holder when the reply commits (issue 9).
    const session = conversation.activeSessionId ? await tx.chatSession.findUnique({ where: { id: conversation.activeSessionId } }) : null;
    if (!session) throw new AppError("CONFLICT", "This chat is closed. A new session starts when the buyer writes again.");
    assertSessionAction("reply", session, toSessionActor(member));

    const content = await resolveContent(tx, { shopId: member.shopId, content: input.content, sender: { type: "agent", buyerId: conversation.buyerId } });
    const stored = await appendMessage(tx, conversation, { sessionId: session.id, clientId: input.clientId, authorType: "agent", authorMemberId: member.memberId, ...content }, now);
    const updated = await tx.chatSession.update({
      where: { id: session.id },
      data: { lastAgentMessageAt: now, oldestUnansweredAt: null, firstResponseAt: session.firstResponseAt ?? now },
      include: SESSION_ASSIGNEE_INCLUDE,
    });
    // Replying means the agent has read everything before the reply (CHAT-4).
    await tx.conversation.update({ where: { id: conversation.id }, data: { shopReadSeq: stored.seq } });
    await tx.conversationRead.upsert({
      where: { memberId_conversationId: { memberId: member.memberId, conversationId: conversation.id } },
      create: { memberId: member.memberId, conversationId: conversation.id, lastReadSeq: stored.seq },
      update: { lastReadSeq: stored.seq },
    });

    const message = toMessageDto(stored);
    const audience = consoleAudience(updated);
    return serviceResult({ message, isDuplicate: false }, [
      toConsole(audience, "message.created", { conversationId: conversation.id, message }),
      toWidget(conversation.buyerId, "message.created", { conversationId: conversation.id, message }),
      toConsole(audience, "session.changed", { session: toSessionDto(updated), change: "replied" }),
      toWidget(conversation.buyerId, "conversation.read", { conversationId: conversation.id, reader: "shop", seq: stored.seq }),
    ]);
  }, MESSAGE_TRANSACTION_OPTIONS);
}
