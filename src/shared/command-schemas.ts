// The zod inputs of the socket commands that are not messages (those are in message-schemas.ts).
// Shared: the server validates with them, the browser types its payloads from them.
import { z } from "zod";
import { SESSION_CATEGORIES, type SessionCategory } from "@/core/session/category";
import { ZBuyerSendMessage, ZHistoryBefore, ZSeq, ZSyncAfter } from "@/shared/message-schemas";
import { safeLine, safeText } from "@/shared/zod-primitives";
import { RATING_COMMENT_MAX } from "@/shared/rating";
import { ZLanguageCode } from "@/shared/translation";

const ZConversationId = z.object({ conversationId: z.uuid() });
const ZSessionId = z.object({ sessionId: z.uuid() });
const ZHistoryPage = z.object({ beforeSeq: ZHistoryBefore.shape.beforeSeq.optional(), limit: ZHistoryBefore.shape.limit });

/** Commands that take nothing accept `{}`, a missing payload, or extra keys (ignored). */
export const ZNoInput = z.object({});

// ─── Console (`/console`) ────────────────────────────────────────────────────

export const ZConsoleSync = ZConversationId.extend(ZSyncAfter.shape);
export const ZConsoleHistory = ZConversationId.extend(ZHistoryPage.shape);
export const ZConsoleRead = ZConversationId.extend({ seq: ZSeq });
export const ZConsoleTyping = ZConversationId.extend({ isTyping: z.boolean() });
export const ZSessionStar = ZSessionId.extend({ starred: z.boolean() });
export const ZSessionSetCategory = ZSessionId.extend({
  category: z.enum(SESSION_CATEGORIES as [SessionCategory, ...SessionCategory[]]).nullable(),
});
export const ZSessionEnd = ZSessionId;
export const ZSessionAssign = ZSessionId.extend({ targetMemberId: z.uuid() });
export const ZSessionTransfer = z
  .object({
    scope: z.union([z.object({ sessionId: z.uuid() }), z.literal("all_mine")]),
    targetNickname: safeLine().trim().min(1, "Enter the nickname of the member to transfer to").max(60).optional(),
    targetMemberId: z.uuid().optional(),
  })
  .refine((value) => value.targetNickname || value.targetMemberId, { message: "Choose the member to transfer to", path: ["targetNickname"] });
export const ZBuyerBlock = z.object({ buyerId: z.uuid(), reason: safeText().trim().max(300).optional() });
export const ZBuyerUnblock = z.object({ buyerId: z.uuid() });
/** SET-3: translate one message again; the language defaults to the one its last try aimed at. */
export const ZTranslationRetry = z.object({ messageId: z.uuid() });
/** SET-3: the chat menu's translation choice; "shop" follows the shop's default. */
export const ZConversationSetTranslation = ZConversationId.extend({
  mode: z.enum(["shop", "off", "auto", "language"]),
  language: ZLanguageCode.optional(),
}).refine((value) => value.mode !== "language" || value.language, { message: "Choose the buyer's language", path: ["language"] });
/** SET-4: the blocked-buyers page's query (GET /api/console/blocked-buyers). */
export const ZBlockedBuyersQuery = z.object({
  q: safeLine().trim().max(100, "At most 100 characters.").optional(),
  cursor: safeLine().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

// ─── Widget (`/widget`) ──────────────────────────────────────────────────────

export const ZWidgetSendMessage = ZBuyerSendMessage.extend({
  context: z.object({ productId: z.uuid().optional(), orderId: z.uuid().optional() }).optional(),
});
export const ZWidgetSync = ZSyncAfter;
export const ZWidgetHistory = ZHistoryPage;
export const ZWidgetRead = z.object({ seq: ZSeq });
export const ZWidgetTyping = z.object({ isTyping: z.boolean() });
export const ZSessionRate = z.object({
  sessionId: z.uuid(),
  rating: z.number().int().min(1, "Choose 1 to 5").max(5, "Choose 1 to 5"),
  /** CHAT-7: optional words with the rating; blank means none. */
  comment: z.string().max(RATING_COMMENT_MAX, `At most ${RATING_COMMENT_MAX} characters`).optional(),
});
/** AUTO-5: the widget's "Talk to a person" button while the chatbot holds the chat. */
export const ZRequestPerson = z.object({ sessionId: z.uuid() }).strict();
export const ZVoucherClaim = z.object({ voucherId: z.uuid(), messageId: z.uuid().optional() });
