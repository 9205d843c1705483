// CONSOLE-6, ASSIGN-8, CHAT-6: the chat window's routes, called through their real handlers on a
// real database. GET /api/console/conversations/{id} gives the header and buyer panel what they
// need (buyer, session, context card, session history with assignment records) only for chats the
// member may see; GET /api/console/members offers active members only, with load and presence.
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, createConversation, useDbForRoutes } from "./api-v1-support";
import { signInAs, signOut } from "../support/signed-in-requests";


const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const { resolveMemberContext } = await import("../../src/server/services/resolve-member");
const { registerRouting } = await import("../../src/server/services/assignment/routing-context");
const { assignQueuedSession, transferSessions } = await import("../../src/server/services/assignment/assign-manually");
const conversationRoute = await import("../../src/app/api/console/conversations/[conversationId]/route");
const membersRoute = await import("../../src/app/api/console/members/route");

beforeEach(async () => {
  await reset();
  signOut();
});

const contextOf = (member: { userId: string; shopId: string }) => resolveMemberContext(db, { userId: member.userId, shopId: member.shopId });

async function shopWithTeam() {
  const shop = await createShop(db);
  const ava = await createMember(db, { shopId: shop.id, nickname: "Ava", maxCapacity: 10 });
  const ben = await createMember(db, { shopId: shop.id, nickname: "Ben", acceptAutoAssign: false });
  const chloe = await createMember(db, { shopId: shop.id, nickname: "Chloe" });
  const gone = await createMember(db, { shopId: shop.id, nickname: "Gone", status: "deactivated" });
  const test = createTestRouting({ online: [ava.id] });
  registerRouting(test.routing);
  return { shop, ava, ben, chloe, gone };
}

describe("CONSOLE-6 ASSIGN-8 GET /api/console/conversations/{id}", () => {
  it("ASSIGN-8 gives the holder the buyer, the context card and every assignment record: who, when, why", async () => {
    const { shop, ava, ben } = await shopWithTeam();
    const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-77", nickname: "mia" });
    const product = await db.product.create({ data: { shopId: shop.id, externalId: "SKU-1", name: "Cast-iron kettle", priceCents: 5900 } });
    await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "queued", messages: [{ author: "buyer", body: "Is it induction safe?" }] });
    const conversation = await db.conversation.findFirstOrThrow({ where: { buyerId: buyer.id } });
    const sessionId = conversation.activeSessionId!;
    await db.chatSession.update({ where: { id: sessionId }, data: { contextProductId: product.id, category: "pre_purchase" } });

    const avaContext = (await contextOf({ userId: ava.userId, shopId: shop.id }))!;
    await assignQueuedSession(db, { member: avaContext, sessionId, targetMemberId: ava.id });
    await transferSessions(db, { member: avaContext, scope: { sessionId }, targetNickname: "Ben" });

    await signInAs(db, { userId: ben.userId, shopId: shop.id });
    const response = await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: conversation.id } });
    expect(response.status).toBe(200);
    const data = response.json.data;
    expect(data.buyer).toEqual({ id: buyer.id, nickname: "mia", avatarUrl: null, isIdentified: true, externalId: "cust-77", isBlocked: false });
    expect(data.activeSession).toMatchObject({ id: sessionId, state: "open", assigneeId: ben.id, assigneeNickname: "Ben", category: "pre_purchase" });
    expect(data.currentSession.id).toBe(sessionId);
    expect(data.context.product).toMatchObject({ productId: product.id, name: "Cast-iron kettle", priceCents: 5900 });
    expect(data.context.order).toBeNull();
    expect(data.conversation).toMatchObject({ id: conversation.id, buyerReadSeq: 0 });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0].assignments).toEqual([
      expect.objectContaining({ kind: "manual", toNickname: "Ava", fromNickname: null, actorNickname: "Ava", detail: { by: "Ava", reason: "assign_to_me" } }),
      expect.objectContaining({ kind: "transfer", toNickname: "Ben", fromNickname: "Ava", actorNickname: "Ava", detail: { by: "Ava", scope: "this_chat" } }),
    ]);
    expect(data.permissions).toEqual({ canAssignOther: true, canTransferAny: false, canSendCards: true, canUpload: true });
  });

  it("CONSOLE-1 a chat the member may not see is not found; a bad id is not found; signed out is 401", async () => {
    const { shop, ava, chloe } = await shopWithTeam();
    const buyer = await createBuyer(db, { shopId: shop.id });
    await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "open", assigneeId: ava.id, messages: [{ author: "buyer", body: "hi" }] });
    const conversation = await db.conversation.findFirstOrThrow({ where: { buyerId: buyer.id } });

    const signedOut = await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: conversation.id } });
    expect(signedOut.status).toBe(401);

    await signInAs(db, { userId: chloe.userId, shopId: shop.id });
    const hidden = await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: conversation.id } });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({ error: { code: "NOT_FOUND", message: "That chat was not found." } });
    expect((await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: "not-a-uuid" } })).status).toBe(404);

    const otherShop = await createShop(db);
    const owner = await createMember(db, { shopId: otherShop.id, role: "owner" });
    await signInAs(db, { userId: owner.userId, shopId: otherShop.id });
    expect((await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: conversation.id } })).status).toBe(404);
  });

  it("a closed conversation has no active session but shows its latest one", async () => {
    const { shop, ava } = await shopWithTeam();
    const buyer = await createBuyer(db, { shopId: shop.id });
    await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "ended", assigneeId: ava.id, messages: [{ author: "buyer", body: "thanks" }] });
    const conversation = await db.conversation.findFirstOrThrow({ where: { buyerId: buyer.id } });
    await signInAs(db, { userId: ava.userId, shopId: shop.id });
    const response = await callRoute(conversationRoute.GET, { url: "/x", params: { conversationId: conversation.id } });
    expect(response.status).toBe(200);
    expect(response.json.data.activeSession).toBeNull();
    expect(response.json.data.currentSession).toMatchObject({ state: "ended", assigneeId: ava.id });
    expect(response.json.data.buyer).toMatchObject({ isIdentified: false, externalId: null });
  });
});

describe("CHAT-6 ASSIGN-5 GET /api/console/members", () => {
  it("CHAT-6 lists active members with load, presence and accept switch; deactivated and deleted members are not offered", async () => {
    const { shop, ava } = await shopWithTeam();
    const deleted = await createMember(db, { shopId: shop.id, nickname: "Deleted" });
    await db.member.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await db.member.update({ where: { id: ava.id }, data: { openSessionCount: 3 } });
    await signInAs(db, { userId: ava.userId, shopId: shop.id });

    const response = await callRoute(membersRoute.GET, { url: "/api/console/members" });
    expect(response.status).toBe(200);
    expect(response.json.data.members).toEqual([
      expect.objectContaining({ nickname: "Ava", openSessions: 3, capacity: 10, acceptAutoAssign: true, isOnline: true, role: "agent" }),
      expect.objectContaining({ nickname: "Ben", openSessions: 0, capacity: 200, acceptAutoAssign: false, isOnline: false }),
      expect.objectContaining({ nickname: "Chloe", isOnline: false }),
    ]);

    const searched = await callRoute(membersRoute.GET, { url: "/api/console/members?q=CHL" });
    expect(searched.json.data.members.map((member: { nickname: string }) => member.nickname)).toEqual(["Chloe"]);
    const bad = await callRoute(membersRoute.GET, { url: `/api/console/members?q=${"x".repeat(61)}` });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fieldErrors)).toEqual(["q"]);
  });

  it("another shop's members never appear; signed out is 401", async () => {
    const { shop } = await shopWithTeam();
    expect((await callRoute(membersRoute.GET, { url: "/api/console/members" })).status).toBe(401);
    const otherShop = await createShop(db);
    const stranger = await createMember(db, { shopId: otherShop.id, nickname: "Stranger" });
    await signInAs(db, { userId: stranger.userId, shopId: otherShop.id });
    const response = await callRoute(membersRoute.GET, { url: "/api/console/members" });
    expect(response.json.data.members.map((member: { nickname: string }) => member.nickname)).toEqual(["Stranger"]);
    expect(shop.id).not.toBe(otherShop.id);
  });
});
