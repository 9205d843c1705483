// Fixtures for the console list tests (CONSOLE-1..5): chats written straight into the tables with
// exactly the times, states and read positions a test needs, so each rule can be pinned down.
// One test per file also drives the real messaging services end to end.
import crypto from "node:crypto";
import type { Database } from "../../src/server/db/client";
import type { MemberRole } from "../../src/generated/prisma/enums";
import { resolveMemberContext, type MemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop } from "../factories";

export const NOW = new Date("2025-06-01T12:00:00.000Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms);

export interface ChatSpec {
  shopId: string;
  buyerNickname?: string;
  state: "queued" | "open" | "ended" | "expired";
  assigneeId?: string | null;
  category?: "pre_purchase" | "logistics" | "after_sales" | null;
  starred?: boolean;
  /** Messages in order; times default to a minute apart, ending at `lastAt`. */
  messages?: Array<{ author: "buyer" | "agent" | "system"; body: string; at?: Date }>;
  oldestUnansweredAt?: Date | null;
  lastBuyerMessageAt?: Date | null;
  queuedAt?: Date;
  closedAt?: Date | null;
}

export async function createChat(db: Database, spec: ChatSpec) {
  const buyer = await createBuyer(db, { shopId: spec.shopId, nickname: spec.buyerNickname });
  const isActive = spec.state === "queued" || spec.state === "open";
  const messages = spec.messages ?? [{ author: "buyer" as const, body: `Hello from ${buyer.nickname}` }];
  const lastAt = spec.lastBuyerMessageAt ?? spec.oldestUnansweredAt ?? ago(HOUR);
  const times = messages.map((message, index) => message.at ?? new Date(lastAt.getTime() - (messages.length - 1 - index) * MINUTE));
  const conversation = await db.conversation.create({
    data: {
      shopId: spec.shopId,
      buyerId: buyer.id,
      lastSeq: messages.length,
      lastMessageAt: times[times.length - 1] ?? null,
      lastMessagePreview: messages[messages.length - 1]?.body ?? null,
      createdAt: times[0] ?? lastAt,
    },
  });
  const lastBuyerIndex = messages.map((message) => message.author).lastIndexOf("buyer");
  const session = await db.chatSession.create({
    data: {
      shopId: spec.shopId,
      conversationId: conversation.id,
      state: spec.state,
      category: spec.category ?? null,
      assigneeId: spec.assigneeId ?? null,
      starred: spec.starred ?? false,
      queuedAt: spec.queuedAt ?? times[0] ?? lastAt,
      assignedAt: spec.assigneeId ? times[0] ?? lastAt : null,
      oldestUnansweredAt: spec.oldestUnansweredAt === undefined ? (lastBuyerIndex >= 0 && messages[messages.length - 1]?.author === "buyer" ? times[lastBuyerIndex]! : null) : spec.oldestUnansweredAt,
      lastBuyerMessageAt: spec.lastBuyerMessageAt === undefined ? (lastBuyerIndex >= 0 ? times[lastBuyerIndex]! : null) : spec.lastBuyerMessageAt,
      closedAt: isActive ? null : spec.closedAt ?? ago(10 * MINUTE),
      createdAt: times[0] ?? lastAt,
    },
  });
  if (isActive) await db.conversation.update({ where: { id: conversation.id }, data: { activeSessionId: session.id } });
  await db.message.createMany({
    data: messages.map((message, index) => ({
      shopId: spec.shopId,
      conversationId: conversation.id,
      sessionId: session.id,
      seq: index + 1,
      authorType: message.author,
      authorMemberId: message.author === "agent" ? spec.assigneeId ?? null : null,
      kind: message.author === "system" ? ("system" as const) : ("text" as const),
      body: message.body,
      createdAt: times[index]!,
    })),
  });
  return { buyer, conversation, session };
}

/** The member has read the conversation up to `seq` (CHAT-4). */
export async function markRead(db: Database, memberId: string, conversationId: string, seq: number) {
  await db.conversationRead.upsert({
    where: { memberId_conversationId: { memberId, conversationId } },
    create: { memberId, conversationId, lastReadSeq: seq },
    update: { lastReadSeq: seq },
  });
}

export async function contextOf(db: Database, member: { userId: string; shopId: string }): Promise<MemberContext> {
  const context = await resolveMemberContext(db, { userId: member.userId, shopId: member.shopId });
  if (!context) throw new Error("member is not active");
  return context;
}

/** A shop with an owner, an admin and two agents, as member contexts. */
export async function createTeamShop(db: Database, options: { chatAccessRoles?: MemberRole[]; name?: string } = {}) {
  const shop = await createShop(db, { name: options.name ?? `Shop ${crypto.randomBytes(3).toString("hex")}`, chatAccessRoles: options.chatAccessRoles });
  const make = async (role: MemberRole, nickname: string) => contextOf(db, await createMember(db, { shopId: shop.id, role, nickname: `${nickname}_${crypto.randomBytes(3).toString("hex")}` }));
  return { shop, owner: await make("owner", "owner"), admin: await make("admin", "admin"), ava: await make("agent", "ava"), ben: await make("agent", "ben") };
}
