// The buyer widget's socket command handlers (docs/realtime.md; declared in
// src/shared/commands.ts). A buyer acts only in their own conversation: the shop and buyer come
// from the verified widget token, never the payload.
import type { CommandHandlers } from "@/server/realtime/commands";
import type { WidgetCommandContext } from "@/server/realtime/realtime-server";
import { applyServiceResult } from "@/server/services/apply-service-result";
import { serializeByKey } from "@/server/realtime/serialize-by-key";
import { timed } from "@/server/observability/timings";
import { ingestBuyerMessage } from "@/server/services/messaging/ingest-buyer-message";
import { listMessagesAfter, listMessagesBefore, markReadByBuyer } from "@/server/services/messaging/read-messages";
import { announceBuyerTyping } from "@/server/services/messaging/typing";
import { rateSession } from "@/server/services/sessions/update-session";
import { requestPerson } from "@/server/services/automation/chatbot";
import { claimVoucher } from "@/server/services/workbench/claim-voucher";
import { findBuyerConversation } from "@/server/services/widget/widget-socket-buyer";
import { withTranslations } from "@/server/services/translation/translate-message";

export const widgetCommands: CommandHandlers<"widget", WidgetCommandContext> = {
  async "message:send"({ db, buyer }, input) {
    // OPS-3: counterpart_message_ingest_seconds{namespace="widget"}, the wait for this buyer's previous message included.
    return timed("message_ingest", { namespace: "widget" }, () => serializeByKey(`buyer:${buyer.buyerId}`, async () => {
      const result = await ingestBuyerMessage(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, clientId: input.clientId, content: input.content, context: input.context });
      // Published before the next message of this buyer is stored: delivery in sequence order.
      // The new chat's routing does not hold up the buyer's acknowledgement.
      const { message } = await applyServiceResult(db, result, { drainInBackground: true });
      return message;
    }));
  },
  async "conversation:sync"({ db, buyer }, input) {
    const conversation = await findBuyerConversation(db, buyer);
    if (!conversation) return { messages: [], hasMore: false, translations: [] };
    return withTranslations(db, await listMessagesAfter(db, { conversationId: conversation.id, ...input }), { forBuyer: true });
  },
  async "conversation:history"({ db, buyer }, input) {
    const conversation = await findBuyerConversation(db, buyer);
    if (!conversation) return { messages: [], hasMore: false, translations: [] };
    return withTranslations(db, await listMessagesBefore(db, { conversationId: conversation.id, ...input }), { forBuyer: true });
  },
  async "conversation:read"({ db, buyer }, input) {
    return applyServiceResult(db, await markReadByBuyer(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, seq: input.seq }));
  },
  async "typing:set"({ db, buyer }, input) {
    return applyServiceResult(db, await announceBuyerTyping(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, isTyping: input.isTyping }));
  },
  async "session:rate"({ db, buyer }, input) {
    return applyServiceResult(db, await rateSession(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, ...input }));
  },
  async "session:request_person"({ db, buyer }, input) {
    // Serialized with this buyer's messages: the hand-over note lands in sequence order.
    return serializeByKey(`buyer:${buyer.buyerId}`, async () =>
      applyServiceResult(db, await requestPerson(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, sessionId: input.sessionId }), { drainInBackground: true }));
  },
  async "voucher:claim"({ db, buyer }, input) {
    const { voucher } = await claimVoucher(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, voucherId: input.voucherId, messageId: input.messageId });
    return { voucherId: voucher.id, code: voucher.code, remaining: voucher.remaining };
  },
};
