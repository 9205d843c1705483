// SET-4 (issue 10 item 3): the blocked-buyers page's list (pages, search, who blocked, why and
// when) and a blocked buyer never rating; CHAT-7: the rating and its comment reach the console.
import { beforeEach, describe, expect, it } from "vitest";
import { blockBuyer, unblockBuyer } from "../../src/server/services/buyers/block-buyer";
import { listBlockedBuyers } from "../../src/server/services/buyers/list-blocked-buyers";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { listChats } from "../../src/server/services/console-lists";
import { readConversationDetails } from "../../src/server/services/conversations/read-conversation-details";
import { BLOCKED_NOTICE, ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { closeSession } from "../../src/server/services/sessions/close-session";
import { rateSession } from "../../src/server/services/sessions/update-session";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

async function team(names: [string, string] = ["Ava", "Ben"]) {
  const shop = await createShop(db);
  const ava = await createMember(db, { shopId: shop.id, nickname: names[0], role: "owner" });
  const ben = await createMember(db, { shopId: shop.id, nickname: names[1], role: "agent" });
  const context = async (member: { userId: string }) => (await resolveMemberContext(db, { userId: member.userId, shopId: shop.id }))!;
  return { shop, ava, ben, avaContext: await context(ava), benContext: await context(ben) };
}

describe("SET-4 the blocked-buyers list", () => {
  it("SET-4 pages most recently blocked first, says who blocked, why and when, and searches nickname, email and customer id", async () => {
    const { shop, avaContext, benContext } = await team();
    const t0 = Date.parse("2026-01-01T10:00:00Z");
    const buyers = [];
    for (let index = 0; index < 5; index++) {
      const buyer = await createBuyer(db, { shopId: shop.id, nickname: `troll${index}`, externalId: `cust-${index}` });
      await db.buyer.update({ where: { id: buyer.id }, data: { email: `troll${index}@mail.example` } });
      await blockBuyer(db, { member: index % 2 ? benContext : avaContext, buyerId: buyer.id, reason: `reason ${index}`, now: new Date(t0 + index * 60_000) });
      buyers.push(buyer);
    }
    const first = await listBlockedBuyers(db, { member: benContext, limit: 2 });
    expect(first.items.map((item) => item.nickname)).toEqual(["troll4", "troll3"]);
    expect(first.items[1]).toEqual({
      buyerId: buyers[3]!.id, nickname: "troll3", email: "troll3@mail.example", externalId: "cust-3", reason: "reason 3",
      blockedAt: new Date(t0 + 3 * 60_000).toISOString(), blockedBy: { memberId: benContext.memberId, nickname: "Ben" },
    });
    const second = await listBlockedBuyers(db, { member: benContext, limit: 2, cursor: first.nextCursor! });
    const third = await listBlockedBuyers(db, { member: benContext, limit: 2, cursor: second.nextCursor! });
    expect([...second.items, ...third.items].map((item) => item.nickname)).toEqual(["troll2", "troll1", "troll0"]);
    expect(third.nextCursor).toBeNull();

    expect((await listBlockedBuyers(db, { member: benContext, q: "TROLL2@mail" })).items.map((item) => item.nickname)).toEqual(["troll2"]);
    expect((await listBlockedBuyers(db, { member: benContext, q: "cust-1" })).items.map((item) => item.nickname)).toEqual(["troll1"]);
    // LIKE wildcards are searched literally.
    expect((await listBlockedBuyers(db, { member: benContext, q: "%" })).items).toEqual([]);
    await expect(listBlockedBuyers(db, { member: benContext, cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_INPUT" });

    await unblockBuyer(db, { member: benContext, buyerId: buyers[4]!.id });
    expect((await listBlockedBuyers(db, { member: benContext, limit: 1 })).items[0]!.nickname).toBe("troll3");
  });

  it("SET-4 another shop's blocks are never listed; a removed member leaves the block without a name", async () => {
    const one = await team();
    const other = await team(["Chloe", "Dan"]);
    const buyer = await createBuyer(db, { shopId: one.shop.id, nickname: "mia" });
    await blockBuyer(db, { member: one.benContext, buyerId: buyer.id });
    expect((await listBlockedBuyers(db, { member: other.avaContext })).items).toEqual([]);
    await db.member.delete({ where: { id: one.ben.id } });
    expect((await listBlockedBuyers(db, { member: one.avaContext })).items).toEqual([expect.objectContaining({ nickname: "mia", blockedBy: null, reason: null })]);
  });
});

describe("CHAT-7 ratings reach the console; SET-4 blocked buyers do not rate", () => {
  async function endedChat() {
    const setup = await team();
    const buyer = await createBuyer(db, { shopId: setup.shop.id, nickname: "mia" });
    const first = await ingestBuyerMessage(db, { shopId: setup.shop.id, buyerId: buyer.id, clientId: "rate-1", content: { kind: "text", body: "hello" } });
    await db.member.update({ where: { id: setup.ben.id }, data: { acceptAutoAssign: false } });
    await drainQueue(db, { shopId: setup.shop.id, routing: createTestRouting({ online: [setup.ava.id] }).routing });
    await closeSession(db, { shopId: setup.shop.id, sessionId: first.data.openedSessionId!, event: "end", actor: setup.avaContext, now: new Date() });
    return { ...setup, buyer, sessionId: first.data.openedSessionId!, conversationId: first.data.message.conversationId };
  }

  it("CHAT-7 the rating and the buyer's comment show in the chat's session history", async () => {
    const { shop, buyer, sessionId, conversationId, avaContext } = await endedChat();
    await rateSession(db, { shopId: shop.id, buyerId: buyer.id, sessionId, rating: 4, comment: "  Quick and friendly.\nThanks!  " });
    const details = await readConversationDetails(db, { member: avaContext, conversationId });
    expect(details.sessions[0]!.session).toMatchObject({ id: sessionId, state: "ended", rating: 4, ratingComment: "Quick and friendly.\nThanks!" });
    // The History list shows the stars on the row.
    expect((await listChats(db, { member: avaContext, list: "history" })).items).toEqual([expect.objectContaining({ sessionId, rating: 4 })]);
    await expect(rateSession(db, { shopId: shop.id, buyerId: buyer.id, sessionId, rating: 1, comment: "changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("CHAT-7 a blank comment is stored as none", async () => {
    const { shop, buyer, sessionId } = await endedChat();
    await rateSession(db, { shopId: shop.id, buyerId: buyer.id, sessionId, rating: 5, comment: "   " });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ rating: 5, ratingComment: null });
  });

  it("SET-4 a blocked buyer's rating is refused and nothing is stored", async () => {
    const { shop, buyer, sessionId, avaContext } = await endedChat();
    await blockBuyer(db, { member: avaContext, buyerId: buyer.id, reason: "abuse" });
    await expect(rateSession(db, { shopId: shop.id, buyerId: buyer.id, sessionId, rating: 1 })).rejects.toMatchObject({ code: "FORBIDDEN", message: BLOCKED_NOTICE });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ rating: null, ratingComment: null });
  });
});
