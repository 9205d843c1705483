// Typing indicators (CONSOLE-2, WIDGET-1): nothing is stored, but who may tell whom is the same
// rule as for messages. An agent types only in a chat they may see; a buyer only in their own
// conversation, and only while a session is queued or open (nobody listens otherwise).
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { toConsole, toWidget } from "@/server/realtime/publish";
import { consoleAudience } from "@/server/realtime/rooms";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { findBuyerConversation } from "@/server/services/widget/widget-socket-buyer";

export async function announceMemberTyping(db: Database, input: { member: MemberContext; conversationId: string; isTyping: boolean }): Promise<ServiceResult<null>> {
  assertCan(input.member, "message:send");
  const conversation = await loadVisibleConversation(db, input.member, input.conversationId);
  const event = { conversationId: conversation.id, who: "agent" as const, nickname: input.member.nickname, isTyping: input.isTyping };
  return serviceResult(null, [toWidget(conversation.buyerId, "typing.changed", event)]);
}

export async function announceBuyerTyping(db: Database, input: { shopId: string; buyerId: string; isTyping: boolean }): Promise<ServiceResult<null>> {
  const conversation = await findBuyerConversation(db, input);
  if (!conversation?.activeSession) return serviceResult(null);
  const event = { conversationId: conversation.id, who: "buyer" as const, nickname: null, isTyping: input.isTyping };
  return serviceResult(null, [toConsole(consoleAudience(conversation.activeSession), "typing.changed", event)]);
}
