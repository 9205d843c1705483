// The console's socket commands (docs/realtime.md). Each declares its permission and input;
// each calls one service and hands its events to `settle` (publish, then drain when capacity
// may have changed).
import { z } from "zod";
import { assertCan } from "@/core/permissions";
import { SESSION_CATEGORIES } from "@/core/session/category";
import { defineCommand } from "@/server/realtime/commands";
import type { ConsoleCommandContext } from "@/server/realtime/realtime-server";
import { settle } from "@/server/services/assignment/settle";
import { assignQueuedSession, transferSessions } from "@/server/services/assignment/assign-manually";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import { listMessagesAfter, listMessagesBefore, markReadByMember } from "@/server/services/messaging/read-messages";
import { sendAgentMessage } from "@/server/services/messaging/send-agent-message";
import { endSession } from "@/server/services/sessions/close-session";
import { setSessionCategory, setSessionStar } from "@/server/services/sessions/update-session";
import { blockBuyer, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { ZAgentSendMessage, ZHistoryBefore, ZReadSeq, ZSyncAfter } from "@/shared/message-schemas";

type Ctx = ConsoleCommandContext;
const ZConversationId = z.object({ conversationId: z.uuid() });
const ZSessionId = z.object({ sessionId: z.uuid() });

export const consoleCommands = [
  defineCommand({
    event: "message:send",
    action: "message:send",
    input: ZAgentSendMessage,
    async handle({ db, member }: Ctx, input) {
      if (input.content.kind === "product_card" || input.content.kind === "order_card") assertCan(member, "card:send");
      if (input.content.kind === "voucher_card") assertCan(member, "voucher:send");
      if (input.content.kind === "image" || input.content.kind === "video") assertCan(member, "upload:create");
      const result = await sendAgentMessage(db, { member, ...input });
      await settle(db, result.events);
      return result.message;
    },
  }),
  defineCommand({
    event: "conversation:sync",
    action: "conversation:read",
    input: ZConversationId.extend(ZSyncAfter.shape),
    async handle({ db, member }: Ctx, input) {
      await loadVisibleConversation(db, member, input.conversationId);
      return listMessagesAfter(db, input);
    },
  }),
  defineCommand({
    event: "conversation:history",
    action: "conversation:read",
    input: ZConversationId.extend({ beforeSeq: ZHistoryBefore.shape.beforeSeq.optional(), limit: ZHistoryBefore.shape.limit }),
    async handle({ db, member }: Ctx, input) {
      await loadVisibleConversation(db, member, input.conversationId);
      return listMessagesBefore(db, input);
    },
  }),
  defineCommand({
    event: "conversation:read",
    action: "conversation:mark_read",
    input: ZConversationId.extend({ seq: ZReadSeq }),
    async handle({ db, member }: Ctx, input) {
      const conversation = await loadVisibleConversation(db, member, input.conversationId);
      await settle(db, await markReadByMember(db, { member, conversationId: conversation.id, buyerId: conversation.buyerId, seq: input.seq }));
      return null;
    },
  }),
  defineCommand({
    event: "typing:set",
    action: "message:send",
    input: ZConversationId.extend({ isTyping: z.boolean() }),
    async handle({ db, member }: Ctx, input) {
      const conversation = await loadVisibleConversation(db, member, input.conversationId);
      const event = { conversationId: conversation.id, who: "agent" as const, nickname: member.nickname, isTyping: input.isTyping };
      await settle(db, [{ target: "widget", buyerId: conversation.buyerId, event: "typing.changed", payload: event }]);
      return null;
    },
  }),
  defineCommand({
    event: "session:star",
    action: "session:star",
    input: ZSessionId.extend({ starred: z.boolean() }),
    async handle({ db, member }: Ctx, input) {
      await settle(db, await setSessionStar(db, { member, ...input }));
      return null;
    },
  }),
  defineCommand({
    event: "session:set_category",
    action: "session:set_category",
    input: ZSessionId.extend({ category: z.enum(SESSION_CATEGORIES as [string, ...string[]]).nullable() }),
    async handle({ db, member }: Ctx, input) {
      await settle(db, await setSessionCategory(db, { member, sessionId: input.sessionId, category: input.category as (typeof SESSION_CATEGORIES)[number] | null }));
      return null;
    },
  }),
  defineCommand({
    event: "session:end",
    action: "session:end",
    input: ZSessionId,
    async handle({ db, member }: Ctx, input) {
      const result = await endSession(db, { member, sessionId: input.sessionId });
      await settle(db, result.events, { drainShopId: member.shopId });
      return { closed: result.closed };
    },
  }),
  defineCommand({
    event: "session:assign",
    action: "session:assign_self",
    input: ZSessionId.extend({ targetMemberId: z.uuid() }),
    async handle({ db, member }: Ctx, input) {
      const result = await assignQueuedSession(db, { member, ...input });
      await settle(db, result.events);
      return { moved: result.moved };
    },
  }),
  defineCommand({
    event: "session:transfer",
    action: "session:transfer",
    input: z.object({
      scope: z.union([z.object({ sessionId: z.uuid() }), z.literal("all_mine")]),
      targetNickname: z.string().trim().min(1, "Enter the nickname of the member to transfer to").max(60).optional(),
      targetMemberId: z.uuid().optional(),
    }).refine((value) => value.targetNickname || value.targetMemberId, { message: "Choose the member to transfer to", path: ["targetNickname"] }),
    async handle({ db, member }: Ctx, input) {
      const result = await transferSessions(db, { member, ...input });
      // The sender's capacity was freed: their own queue share can now flow to others.
      await settle(db, result.events, { drainShopId: member.shopId });
      return { moved: result.moved };
    },
  }),
  defineCommand({
    event: "buyer:block",
    action: "buyer:block",
    input: z.object({ buyerId: z.uuid(), reason: z.string().trim().max(300).optional() }),
    async handle({ db, member }: Ctx, input) {
      const result = await blockBuyer(db, { member, ...input });
      await settle(db, result.events, { drainShopId: result.closedSession ? member.shopId : null });
      return { closedSession: result.closedSession };
    },
  }),
  defineCommand({
    event: "buyer:unblock",
    action: "buyer:block",
    input: z.object({ buyerId: z.uuid() }),
    async handle({ db, member }: Ctx, input) {
      await unblockBuyer(db, { member, buyerId: input.buyerId });
      return null;
    },
  }),
] as const;

