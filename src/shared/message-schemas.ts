// Message input, shared by the console, the widget and the server (CHAT-2).
import { z } from "zod";

export const MAX_TEXT_LENGTH = 4_000;

const ZClientId = z.string().trim().min(8, "clientId must be at least 8 characters").max(64).regex(/^[A-Za-z0-9_-]+$/, "clientId may hold letters, digits, - and _");

const ZText = z.object({
  kind: z.literal("text"),
  body: z.string().trim().min(1, "Write a message first").max(MAX_TEXT_LENGTH, `A message holds at most ${MAX_TEXT_LENGTH.toLocaleString("en")} characters`),
});
const ZMedia = z.object({ kind: z.enum(["image", "video"]), uploadId: z.uuid(), body: z.string().trim().max(500).optional() });
const ZProductCard = z.object({ kind: z.literal("product_card"), productId: z.uuid() });
const ZOrderCard = z.object({ kind: z.literal("order_card"), orderId: z.uuid() });
const ZVoucherCard = z.object({ kind: z.literal("voucher_card"), voucherId: z.uuid() });

/** What an agent may send: every kind (CHAT-2). */
export const ZAgentMessageContent = z.discriminatedUnion("kind", [ZText, ZMedia, ZProductCard, ZOrderCard, ZVoucherCard]);
/** What a buyer may send: text and emoji, images, videos, product and order references (CHAT-2). */
export const ZBuyerMessageContent = z.discriminatedUnion("kind", [ZText, ZMedia, ZProductCard, ZOrderCard]);

export type TAgentMessageContent = z.infer<typeof ZAgentMessageContent>;
export type TBuyerMessageContent = z.infer<typeof ZBuyerMessageContent>;

export const ZAgentSendMessage = z.object({ conversationId: z.uuid(), clientId: ZClientId, content: ZAgentMessageContent });
export const ZBuyerSendMessage = z.object({ clientId: ZClientId, content: ZBuyerMessageContent });

/** Sequence numbers are stored as int4: a larger one is bad input, never a database error (issue 15). */
export const MAX_SEQ = 2_147_483_647;
export const ZSeq = z.number().int().min(0).max(MAX_SEQ);

/** Resume after a disconnect: everything after the last sequence number the client holds (CHAT-3). */
export const ZSyncAfter = z.object({ afterSeq: ZSeq, limit: z.number().int().min(1).max(500).default(200) });
export const ZHistoryBefore = z.object({ beforeSeq: ZSeq.min(1), limit: z.number().int().min(1).max(100).default(30) });

export function newClientId(): string {
  return (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9]/g, "");
}
