// The console's socket command handlers (docs/realtime.md). Names, inputs, permissions and
// results are declared in src/shared/commands.ts; each handler calls one service and hands its
// events to `applyEvents`, the one adapter (publish, then drain when capacity may have changed).
import type { CommandHandlers } from "@/server/realtime/commands";
import type { ConsoleCommandContext } from "@/server/realtime/realtime-server";
import { applyEvents } from "@/server/services/apply-service-result";
import { assignQueuedSession, transferSessions } from "@/server/services/assignment/assign-manually";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { listMessagesAfter, listMessagesBefore, markReadByMember } from "@/server/services/messaging/read-messages";
import { sendAgentMessage } from "@/server/services/messaging/send-agent-message";
import { endSession } from "@/server/services/sessions/close-session";
import { setSessionCategory, setSessionStar } from "@/server/services/sessions/update-session";
import { blockBuyer, unblockBuyer } from "@/server/services/buyers/block-buyer";

export const consoleCommands: CommandHandlers<"console", ConsoleCommandContext> = {
  async "message:send"({ db, member }, input) {
    const result = await sendAgentMessage(db, { member, ...input });
    await applyEvents(db, result.events);
    return result.message;
  },
  async "conversation:sync"({ db, member }, input) {
    await loadVisibleConversation(db, member, input.conversationId);
    return listMessagesAfter(db, input);
  },
  async "conversation:history"({ db, member }, input) {
    await loadVisibleConversation(db, member, input.conversationId);
    return listMessagesBefore(db, input);
  },
  async "conversation:read"({ db, member }, input) {
    const conversation = await loadVisibleConversation(db, member, input.conversationId);
    await applyEvents(db, await markReadByMember(db, { member, conversationId: conversation.id, buyerId: conversation.buyerId, seq: input.seq }));
    return null;
  },
  async "typing:set"({ db, member }, input) {
    const conversation = await loadVisibleConversation(db, member, input.conversationId);
    const event = { conversationId: conversation.id, who: "agent" as const, nickname: member.nickname, isTyping: input.isTyping };
    await applyEvents(db, [{ target: "widget", buyerId: conversation.buyerId, event: "typing.changed", payload: event }]);
    return null;
  },
  async "session:star"({ db, member }, input) {
    await applyEvents(db, await setSessionStar(db, { member, ...input }));
    return null;
  },
  async "session:set_category"({ db, member }, input) {
    await applyEvents(db, await setSessionCategory(db, { member, ...input }));
    return null;
  },
  async "session:end"({ db, member }, input) {
    const result = await endSession(db, { member, sessionId: input.sessionId });
    await applyEvents(db, result.events, { drainShopId: member.shopId });
    return { closed: result.closed };
  },
  async "session:assign"({ db, member }, input) {
    const result = await assignQueuedSession(db, { member, ...input });
    await applyEvents(db, result.events);
    return { moved: result.moved };
  },
  async "session:transfer"({ db, member }, input) {
    const result = await transferSessions(db, { member, ...input });
    // The sender's capacity was freed: their own queue share can now flow to others.
    await applyEvents(db, result.events, { drainShopId: member.shopId });
    return { moved: result.moved };
  },
  async "buyer:block"({ db, member }, input) {
    const result = await blockBuyer(db, { member, ...input });
    await applyEvents(db, result.events, { drainShopId: result.closedSession ? member.shopId : null });
    return { closedSession: result.closedSession };
  },
  async "buyer:unblock"({ db, member }, input) {
    const result = await unblockBuyer(db, { member, buyerId: input.buyerId });
    await applyEvents(db, result.events);
    return result.data;
  },
};
