// CHAT-9 and SET-4: blocking a buyer closes their open session and stops their messages;
// unblocking lets them write again.
import { beforeEach, describe, expect, it } from "vitest";
import { blockBuyer, unblockBuyer } from "../../src/server/services/buyers/block-buyer";
import { listBlockedBuyers } from "../../src/server/services/buyers/list-blocked-buyers";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { BLOCKED_NOTICE, ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

describe("blocking buyers (CHAT-9, SET-4)", () => {
  it("CHAT-9 blocking closes the open session, frees the agent, and the buyer gets a clear notice", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    await createMember(db, { shopId: shop.id, nickname: "Ben" });
    const buyer = await createBuyer(db, { shopId: shop.id, nickname: "troll" });
    const first = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "block-test-1", content: { kind: "text", body: "spam" } });
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    const member = (await resolveMemberContext(db, { userId: ava.userId, shopId: shop.id }))!;

    const result = await blockBuyer(db, { member, buyerId: buyer.id, reason: "abusive" });
    expect(result.data.closedSession).toBe(true);
    expect(result.events).toEqual(expect.arrayContaining([expect.objectContaining({ target: "widget", event: "buyer.blocked", payload: { message: BLOCKED_NOTICE } })]));
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } });
    expect(session.state).toBe("ended");
    expect((await db.member.findUniqueOrThrow({ where: { id: ava.id } })).openSessionCount).toBe(0);
    await expect(ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "block-test-2", content: { kind: "text", body: "more" } })).rejects.toMatchObject({ code: "FORBIDDEN", message: BLOCKED_NOTICE });

    expect((await listBlockedBuyers(db, { member })).items).toEqual([expect.objectContaining({ buyerId: buyer.id, nickname: "troll", reason: "abusive" })]);
    // Blocking twice is harmless.
    await blockBuyer(db, { member, buyerId: buyer.id });
    const unblocked = await unblockBuyer(db, { member, buyerId: buyer.id });
    // The buyer's open widgets are told at once (SET-4).
    expect(unblocked.events).toEqual([expect.objectContaining({ target: "widget", event: "buyer.unblocked" })]);
    await expect(ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "block-test-3", content: { kind: "text", body: "sorry" } })).resolves.toMatchObject({ data: { isDuplicate: false } });
    await expect(unblockBuyer(db, { member, buyerId: buyer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("SET-4 a member cannot block a buyer of another shop", async () => {
    const shop = await createShop(db);
    const other = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id });
    const stranger = await createBuyer(db, { shopId: other.id });
    const member = (await resolveMemberContext(db, { userId: ava.userId, shopId: shop.id }))!;
    await expect(blockBuyer(db, { member, buyerId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.blockedBuyer.count()).toBe(0);
  });
});
