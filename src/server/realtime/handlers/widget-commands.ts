// The buyer widget's socket commands (docs/realtime.md). A buyer acts only in their own
// conversation: the shop and buyer come from the verified widget token, never the payload.
import { z } from "zod";
import { defineWidgetCommand } from "@/server/realtime/commands";
import type { WidgetCommandContext } from "@/server/realtime/realtime-server";
import { consoleAudience } from "@/server/realtime/rooms";
import { requestDrain, settle } from "@/server/services/assignment/settle";
import { serializeByKey } from "@/server/realtime/serialize-by-key";
import { ingestBuyerMessage } from "@/server/services/messaging/ingest-buyer-message";
import { listMessagesAfter, listMessagesBefore, markReadByBuyer } from "@/server/services/messaging/read-messages";
import { rateSession } from "@/server/services/sessions/update-session";
import { claimVoucher } from "@/server/services/workbench/claim-voucher";
import { ZBuyerSendMessage, ZHistoryBefore, ZReadSeq, ZSyncAfter } from "@/shared/message-schemas";

type Ctx = WidgetCommandContext;

async function conversationOf({ db, buyer }: Ctx) {
  return db.conversation.findFirst({ where: { buyerId: buyer.buyerId, shopId: buyer.shopId }, include: { activeSession: true } });
}

export const widgetCommands = [
  defineWidgetCommand({
    event: "message:send",
    input: ZBuyerSendMessage.extend({ context: z.object({ productId: z.uuid().optional(), orderId: z.uuid().optional() }).optional() }),
    async handle({ db, buyer }: Ctx, input) {
      return serializeByKey(`buyer:${buyer.buyerId}`, async () => {
        const result = await ingestBuyerMessage(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, clientId: input.clientId, content: input.content, context: input.context });
        // Published before the next message of this buyer is stored: delivery in sequence order.
        await settle(db, result.events);
        if (result.openedSessionId) void requestDrain(db, buyer.shopId);
        return result.message;
      });
    },
  }),
  defineWidgetCommand({
    event: "conversation:sync",
    input: ZSyncAfter,
    async handle(ctx: Ctx, input) {
      const conversation = await conversationOf(ctx);
      if (!conversation) return { messages: [], hasMore: false };
      return listMessagesAfter(ctx.db, { conversationId: conversation.id, ...input });
    },
  }),
  defineWidgetCommand({
    event: "conversation:history",
    input: z.object({ beforeSeq: ZHistoryBefore.shape.beforeSeq.optional(), limit: ZHistoryBefore.shape.limit }),
    async handle(ctx: Ctx, input) {
      const conversation = await conversationOf(ctx);
      if (!conversation) return { messages: [], hasMore: false };
      return listMessagesBefore(ctx.db, { conversationId: conversation.id, ...input });
    },
  }),
  defineWidgetCommand({
    event: "conversation:read",
    input: z.object({ seq: ZReadSeq }),
    async handle({ db, buyer }: Ctx, input) {
      await settle(db, await markReadByBuyer(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, seq: input.seq }));
      return null;
    },
  }),
  defineWidgetCommand({
    event: "typing:set",
    input: z.object({ isTyping: z.boolean() }),
    async handle(ctx: Ctx, input) {
      const conversation = await conversationOf(ctx);
      if (!conversation?.activeSession) return null;
      const event = { conversationId: conversation.id, who: "buyer" as const, nickname: null, isTyping: input.isTyping };
      await settle(ctx.db, [{ target: "console", rooms: consoleAudience(conversation.activeSession), event: "typing.changed", payload: event }]);
      return null;
    },
  }),
  defineWidgetCommand({
    event: "session:rate",
    input: z.object({ sessionId: z.uuid(), rating: z.number().int().min(1, "Choose 1 to 5").max(5, "Choose 1 to 5") }),
    async handle({ db, buyer }: Ctx, input) {
      await settle(db, await rateSession(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, ...input }));
      return null;
    },
  }),
  defineWidgetCommand({
    event: "voucher:claim",
    input: z.object({ voucherId: z.uuid(), messageId: z.uuid().optional() }),
    async handle({ db, buyer }: Ctx, input) {
      const { voucher } = await claimVoucher(db, { shopId: buyer.shopId, buyerId: buyer.buyerId, voucherId: input.voucherId, messageId: input.messageId });
      return { voucherId: voucher.id, code: voucher.code, remaining: voucher.remaining };
    },
  }),
] as const;
