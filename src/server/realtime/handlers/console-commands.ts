// The console's socket command handlers (docs/realtime.md). Names, inputs, permissions and
// results are declared in src/shared/commands.ts; each handler calls one service and hands its
// result to `applyServiceResult`, the one adapter (publish, then drain the queues it names).
import type { CommandHandlers } from "@/server/realtime/commands";
import type { ConsoleCommandContext } from "@/server/realtime/realtime-server";
import { applyServiceResult } from "@/server/services/apply-service-result";
import { assignQueuedSession, transferSessions } from "@/server/services/assignment/assign-manually";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { listMessagesAfter, listMessagesBefore, markReadByMember } from "@/server/services/messaging/read-messages";
import { sendAgentMessage } from "@/server/services/messaging/send-agent-message";
import { timed } from "@/server/observability/timings";
import { announceMemberTyping } from "@/server/services/messaging/typing";
import { endSession } from "@/server/services/sessions/close-session";
import { setSessionCategory, setSessionStar } from "@/server/services/sessions/update-session";
import { blockBuyer, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { retryTranslation } from "@/server/services/translation/retry-translation";
import { withTranslations } from "@/server/services/translation/translate-message";
import { setChatTranslation } from "@/server/services/translation/translation-settings";

export const consoleCommands: CommandHandlers<"console", ConsoleCommandContext> = {
  async "message:send"({ db, member }, input) {
    // OPS-3: counterpart_message_ingest_seconds{namespace="console"}.
    return timed("message_ingest", { namespace: "console" }, async () => {
      const { message } = await applyServiceResult(db, await sendAgentMessage(db, { member, ...input }));
      return message;
    });
  },
  async "conversation:sync"({ db, member }, input) {
    await loadVisibleConversation(db, member, input.conversationId);
    return withTranslations(db, await listMessagesAfter(db, input), { forBuyer: false });
  },
  async "conversation:history"({ db, member }, input) {
    await loadVisibleConversation(db, member, input.conversationId);
    return withTranslations(db, await listMessagesBefore(db, input), { forBuyer: false });
  },
  async "conversation:read"({ db, member }, input) {
    const conversation = await loadVisibleConversation(db, member, input.conversationId);
    return applyServiceResult(db, await markReadByMember(db, { member, conversationId: conversation.id, buyerId: conversation.buyerId, seq: input.seq }));
  },
  async "typing:set"({ db, member }, input) {
    return applyServiceResult(db, await announceMemberTyping(db, { member, ...input }));
  },
  async "session:star"({ db, member }, input) {
    return applyServiceResult(db, await setSessionStar(db, { member, ...input }));
  },
  async "session:set_category"({ db, member }, input) {
    return applyServiceResult(db, await setSessionCategory(db, { member, ...input }));
  },
  async "session:end"({ db, member }, input) {
    return applyServiceResult(db, await endSession(db, { member, sessionId: input.sessionId }));
  },
  async "session:assign"({ db, member }, input) {
    return applyServiceResult(db, await assignQueuedSession(db, { member, ...input }));
  },
  async "session:transfer"({ db, member }, input) {
    return applyServiceResult(db, await transferSessions(db, { member, ...input }));
  },
  async "buyer:block"({ db, member }, input) {
    return applyServiceResult(db, await blockBuyer(db, { member, ...input }));
  },
  async "buyer:unblock"({ db, member }, input) {
    return applyServiceResult(db, await unblockBuyer(db, { member, buyerId: input.buyerId }));
  },
  async "translation:retry"({ db, member }, input) {
    return retryTranslation(db, { member, messageId: input.messageId });
  },
  async "conversation:set_translation"({ db, member }, input) {
    return setChatTranslation(db, { member, ...input });
  },
};
