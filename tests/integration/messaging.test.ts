// Issue 3: the message path on a real PostgreSQL: ordering, idempotent retries, sessions opened
// by buyers, agent reply rules, SLA fields, read state, blocked buyers.
import { beforeEach, describe, expect, it } from "vitest";
import { ingestBuyerMessage, BLOCKED_NOTICE } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { listMessagesAfter, listMessagesBefore, markReadByBuyer, markReadByMember } from "../../src/server/services/messaging/read-messages";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const text = (body: string) => ({ kind: "text" as const, body });
let counter = 0;
const clientId = () => `client-${Date.now()}-${counter++}`;

async function shopWithAgent() {
  const shop = await createShop(db);
  const agent = await createMember(db, { shopId: shop.id, nickname: "Ava" });
  const other = await createMember(db, { shopId: shop.id, nickname: "Ben" });
  const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
  const context = (await resolveMemberContext(db, { userId: agent.userId, shopId: shop.id }))!;
  const otherContext = (await resolveMemberContext(db, { userId: other.userId, shopId: shop.id }))!;
  return { shop, agent, other, buyer, context, otherContext };
}

describe("buyer messages (CHAT-1, CHAT-3)", () => {
  it("CHAT-1 a first message creates the conversation and a queued session, with the greeting after it", async () => {
    const { shop, buyer } = await shopWithAgent();
    const result = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text("Hello!") });
    expect(result.data.isDuplicate).toBe(false);
    expect(result.data.openedSessionId).not.toBeNull();
    expect(result.data.message).toMatchObject({ seq: 1, authorType: "buyer", kind: "text", body: "Hello!" });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: result.data.openedSessionId! } });
    expect(session).toMatchObject({ state: "queued", assigneeId: null });
    expect(session.oldestUnansweredAt).not.toBeNull();
    const messages = await db.message.findMany({ where: { conversationId: result.data.message.conversationId }, orderBy: { seq: "asc" } });
    expect(messages.map((m) => [m.seq, m.authorType, m.isAutomatic])).toEqual([[1, "buyer", false], [2, "bot", true]]);
    expect(messages[1]!.body).toContain("mia");
    // The message reaches the console rooms and the buyer's own widget.
    expect(result.events.map((e) => [e.target, "event" in e ? e.event : null])).toEqual(expect.arrayContaining([["console", "message.created"], ["widget", "message.created"], ["console", "session.changed"]]));
  });

  it("CHAT-3 a retry with the same clientId returns the stored message and creates nothing", async () => {
    const { shop, buyer } = await shopWithAgent();
    const id = clientId();
    const first = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: id, content: text("once") });
    const retry = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: id, content: text("once") });
    expect(retry.data.isDuplicate).toBe(true);
    expect(retry.data.message).toEqual(first.data.message);
    expect(retry.events).toEqual([]);
    expect(await db.message.count({ where: { authorType: "buyer" } })).toBe(1);
  });

  it("CHAT-3 concurrent messages and concurrent retries get gap-free sequence numbers and no duplicates", async () => {
    const { shop, buyer } = await shopWithAgent();
    const ids = Array.from({ length: 40 }, () => clientId());
    // Every message sent twice at once, as a client retrying after a lost acknowledgement.
    await Promise.all([...ids, ...ids].map((id) => ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: id, content: text(id) })));
    const messages = await db.message.findMany({ where: { authorType: "buyer" }, orderBy: { seq: "asc" } });
    expect(messages).toHaveLength(40);
    expect(new Set(messages.map((m) => m.clientId)).size).toBe(40);
    const all = await db.message.findMany({ orderBy: { seq: "asc" }, select: { seq: true } });
    expect(all.map((m) => m.seq)).toEqual(all.map((_, index) => index + 1));
    const conversation = await db.conversation.findFirstOrThrow();
    expect(conversation.lastSeq).toBe(all.length);
    expect(await db.chatSession.count()).toBe(1);
  });

  it("CHAT-3 resumes from the last sequence number held: exactly what follows, in order", async () => {
    const { shop, buyer } = await shopWithAgent();
    for (let i = 1; i <= 10; i++) await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text(`m${i}`) });
    const conversation = await db.conversation.findFirstOrThrow();
    const after = await listMessagesAfter(db, { conversationId: conversation.id, afterSeq: 7, limit: 200 });
    expect(after.messages.map((m) => m.seq)).toEqual([8, 9, 10, 11]);
    const page = await listMessagesAfter(db, { conversationId: conversation.id, afterSeq: 0, limit: 5 });
    expect(page).toMatchObject({ hasMore: true });
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    const before = await listMessagesBefore(db, { conversationId: conversation.id, beforeSeq: 5, limit: 3 });
    expect(before.messages.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(before.hasMore).toBe(true);
  });

  it("CHAT-9 a blocked buyer cannot send and nothing is written", async () => {
    const { shop, buyer } = await shopWithAgent();
    await db.blockedBuyer.create({ data: { shopId: shop.id, buyerId: buyer.id } });
    await expect(ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text("hi") })).rejects.toMatchObject({ code: "FORBIDDEN", message: BLOCKED_NOTICE });
    expect(await db.message.count()).toBe(0);
    expect(await db.conversation.count()).toBe(0);
  });

  it("NF-3 a buyer of another shop cannot write into this shop", async () => {
    const { shop } = await shopWithAgent();
    const otherShop = await createShop(db);
    const stranger = await createBuyer(db, { shopId: otherShop.id });
    await expect(ingestBuyerMessage(db, { shopId: shop.id, buyerId: stranger.id, clientId: clientId(), content: text("hi") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("CONSOLE-3 the page's context sets the category of the new session", async () => {
    const { shop, buyer } = await shopWithAgent();
    const order = await db.order.create({ data: { shopId: shop.id, buyerId: buyer.id, externalId: "ORD-1", status: "delivered", totalCents: 100, placedAt: new Date() } });
    const result = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text("broken"), context: { orderId: order.id } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: result.data.openedSessionId! } })).category).toBe("after_sales");
  });
});

describe("agent replies (CHAT-2, CHAT-4, CHAT-8)", () => {
  async function openChat() {
    const setup = await shopWithAgent();
    const first = await ingestBuyerMessage(db, { shopId: setup.shop.id, buyerId: setup.buyer.id, clientId: clientId(), content: text("Where is my order?") });
    const test = createTestRouting({ online: [setup.agent.id] });
    await db.member.update({ where: { id: setup.other.id }, data: { acceptAutoAssign: false } });
    await drainQueue(db, { shopId: setup.shop.id, routing: test.routing });
    return { ...setup, conversationId: first.data.message.conversationId, sessionId: first.data.openedSessionId! };
  }

  it("CHAT-2 the holder replies; the SLA clock stops and the first response is recorded", async () => {
    const { context, conversationId, sessionId } = await openChat();
    const reply = await sendAgentMessage(db, { member: context, conversationId, clientId: clientId(), content: text("On its way 🚚") });
    expect(reply.data.message).toMatchObject({ authorType: "agent", author: { nickname: "Ava", avatarUrl: null }, body: "On its way 🚚" });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.oldestUnansweredAt).toBeNull();
    expect(session.firstResponseAt).not.toBeNull();
  });

  it("TEAM-6 agent messages carry the nickname and avatar, never the email", async () => {
    const { context, conversationId } = await openChat();
    const reply = await sendAgentMessage(db, { member: context, conversationId, clientId: clientId(), content: text("Hi") });
    expect(JSON.stringify(reply.events)).not.toContain("@example.test");
  });

  it("CHAT-3 an agent's retry with the same clientId is answered with the stored message", async () => {
    const { context, conversationId } = await openChat();
    const id = clientId();
    const first = await sendAgentMessage(db, { member: context, conversationId, clientId: id, content: text("once") });
    const again = await sendAgentMessage(db, { member: context, conversationId, clientId: id, content: text("once") });
    expect(again.data).toMatchObject({ isDuplicate: true, message: first.data.message });
    expect(await db.message.count({ where: { authorType: "agent" } })).toBe(1);
  });

  it("only the holder replies; a queued or closed chat takes no reply", async () => {
    const { context, otherContext, conversationId, sessionId } = await openChat();
    await expect(sendAgentMessage(db, { member: otherContext, conversationId, clientId: clientId(), content: text("hi") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.chatSession.update({ where: { id: sessionId }, data: { state: "expired", closedAt: new Date() } });
    await db.conversation.update({ where: { id: conversationId }, data: { activeSessionId: null } });
    await expect(sendAgentMessage(db, { member: context, conversationId, clientId: clientId(), content: text("late") })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("CHAT-4 read state: the agent's read reaches the buyer, the buyer's read reaches the console", async () => {
    const { shop, buyer, context, conversationId } = await openChat();
    const { events } = await markReadByMember(db, { member: context, conversationId, buyerId: buyer.id, seq: 99 });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.shopReadSeq).toBe(conversation.lastSeq);
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ target: "widget", event: "conversation.read" })]));
    const { events: buyerEvents } = await markReadByBuyer(db, { shopId: shop.id, buyerId: buyer.id, seq: 2 });
    expect(buyerEvents[0]).toMatchObject({ target: "console", event: "conversation.read", payload: { reader: "buyer", seq: 2 } });
    // Reading again changes nothing and says nothing.
    expect((await markReadByBuyer(db, { shopId: shop.id, buyerId: buyer.id, seq: 2 })).events).toEqual([]);
  });

  it("CHAT-2 refuses an upload of another shop and a card of another shop", async () => {
    const { context, conversationId } = await openChat();
    const otherShop = await createShop(db);
    const product = await db.product.create({ data: { shopId: otherShop.id, externalId: "X", name: "Foreign", priceCents: 1 } });
    await expect(sendAgentMessage(db, { member: context, conversationId, clientId: clientId(), content: { kind: "product_card", productId: product.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendAgentMessage(db, { member: context, conversationId, clientId: clientId(), content: { kind: "image", uploadId: product.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
