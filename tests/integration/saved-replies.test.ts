// AUTO-2: saved replies on real PostgreSQL: scopes and permissions (an agent cannot change the
// shop's replies; another member's personal ones are invisible), tenant isolation, shortcut
// uniqueness per scope, bounded search, CSV import errors with line numbers (nothing written)
// and the export → import round trip.
import { beforeEach, describe, expect, it } from "vitest";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { suggestSavedReplies } from "../../src/server/services/saved-replies/suggest-saved-replies";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { listSavedReplies } from "../../src/server/services/saved-replies/list-saved-replies";
import { createSavedReply, deleteSavedReply, updateSavedReply } from "../../src/server/services/saved-replies/manage-saved-reply";
import { exportSavedRepliesCsv, importSavedRepliesCsv } from "../../src/server/services/saved-replies/saved-replies-csv";
import { ZSavedReplyCreate } from "../../src/shared/saved-replies";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

async function team() {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent" });
  const other = await createMember(db, { shopId: shop.id, role: "agent" });
  const context = async (member: { userId: string }) => (await resolveMemberContext(db, { userId: member.userId, shopId: shop.id }))!;
  return { shop, owner: await context(owner), agent: await context(agent), other: await context(other) };
}

const reply = (overrides: Partial<{ scope: "shop" | "personal"; shortcut: string; title: string; body: string }> = {}) =>
  ZSavedReplyCreate.parse({ scope: "shop", shortcut: "refund", title: "Refund timeline", body: "Hi {buyer}, refunds take 5 days.", ...overrides });

describe("AUTO-2 saved replies: scopes and permissions", () => {
  it("AUTO-2 owners manage shop-wide replies; an agent uses them but cannot create, edit or delete them", async () => {
    const { owner, agent } = await team();
    const shopReply = (await createSavedReply(db, { member: owner, ...reply() })).data;
    expect(shopReply).toMatchObject({ scope: "shop", shortcut: "refund", canManage: true });
    const seen = await listSavedReplies(db, { member: agent });
    expect(seen.items).toEqual([expect.objectContaining({ id: shopReply.id, canManage: false })]);
    await expect(createSavedReply(db, { member: agent, ...reply({ shortcut: "other" }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSavedReply(db, { member: agent, id: shopReply.id, title: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteSavedReply(db, { member: agent, id: shopReply.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.savedReply.findUniqueOrThrow({ where: { id: shopReply.id } })).title).toBe("Refund timeline");
  });

  it("AUTO-2 personal replies are their owner's only: invisible to and unchangeable by other members, the owner included", async () => {
    const { owner, agent, other } = await team();
    const mine = (await createSavedReply(db, { member: agent, ...reply({ scope: "personal", shortcut: "hi" }) })).data;
    expect(mine).toMatchObject({ scope: "personal", canManage: true });
    expect((await listSavedReplies(db, { member: other })).items).toEqual([]);
    expect((await listSavedReplies(db, { member: owner })).items).toEqual([]);
    await expect(updateSavedReply(db, { member: other, id: mine.id, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSavedReply(db, { member: owner, id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const edited = (await updateSavedReply(db, { member: agent, id: mine.id, title: "Hello there" })).data;
    expect(edited.title).toBe("Hello there");
    await deleteSavedReply(db, { member: agent, id: mine.id });
    expect(await db.savedReply.count()).toBe(0);
  });

  it("AUTO-2 a shortcut is unique per scope: twice shop-wide or twice for one member is a conflict, across scopes it is fine", async () => {
    const { owner, agent, other } = await team();
    await createSavedReply(db, { member: owner, ...reply() });
    await expect(createSavedReply(db, { member: owner, ...reply({ title: "Again" }) })).rejects.toMatchObject({ code: "CONFLICT" });
    await createSavedReply(db, { member: agent, ...reply({ scope: "personal" }) });
    await createSavedReply(db, { member: other, ...reply({ scope: "personal" }) });
    await expect(createSavedReply(db, { member: agent, ...reply({ scope: "personal" }) })).rejects.toMatchObject({ code: "CONFLICT" });
    const listed = await listSavedReplies(db, { member: agent });
    expect(listed.items.map((item) => item.scope).sort()).toEqual(["personal", "shop"]);
  });

  it("AUTO-2 another shop's replies are never listed, changed or deleted", async () => {
    const one = await team();
    const two = await team();
    const theirs = (await createSavedReply(db, { member: two.owner, ...reply() })).data;
    expect((await listSavedReplies(db, { member: one.owner })).items).toEqual([]);
    expect((await listSavedReplies(db, { member: one.owner, q: "refund" })).items).toEqual([]);
    await expect(updateSavedReply(db, { member: one.owner, id: theirs.id, title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSavedReply(db, { member: one.owner, id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await exportSavedRepliesCsv(db, { member: one.owner })).body).not.toContain("refund");
  });

  it("AUTO-2 the list pages by shortcut with a cursor, and ?q= searches with typos", async () => {
    const { owner } = await team();
    for (const shortcut of ["a1", "b2", "c3", "d4", "e5"]) await createSavedReply(db, { member: owner, ...reply({ shortcut, title: `Title ${shortcut}` }) });
    await createSavedReply(db, { member: owner, ...reply({ shortcut: "ship", title: "Shipping times", body: "We ship in 24 hours." }) });
    const first = await listSavedReplies(db, { member: owner, limit: 4 });
    const second = await listSavedReplies(db, { member: owner, limit: 4, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((item) => item.shortcut)).toEqual(["a1", "b2", "c3", "d4", "e5", "ship"]);
    expect(second.nextCursor).toBeNull();
    expect((await listSavedReplies(db, { member: owner, q: "shiping tmes" })).items.map((item) => item.shortcut)).toEqual(["ship"]);
    await expect(listSavedReplies(db, { member: owner, cursor: "nope" })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("AUTO-2 saved replies: CSV import and export", () => {
  it("AUTO-2 an import with bad rows reports each by its line number and writes nothing", async () => {
    const { owner, agent } = await team();
    const csv = [
      "shortcut,title,body,scope",
      "ok,Fine,All good,shop",
      'multi,Two lines,"first line',
      'second line",shop',
      "bad one,Spaces,Body,shop",
      "typo,Typo,Hi {buyr},personal",
      "ok,Again,Duplicate,shop",
      "short,Short,,shop",
      "nope,Scope,Body,team",
      "cols,Too few",
    ].join("\n");
    const error = await importSavedRepliesCsv(db, { member: owner, csv }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_INPUT" });
    const lines = Object.keys((error as { fieldErrors: Record<string, string[]> }).fieldErrors);
    expect(lines).toEqual(["line 5", "line 6", "line 7", "line 8", "line 9", "line 10"]);
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors["line 6"]!.join(" ")).toContain("{buyr}");
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors["line 7"]!.join(" ")).toContain("line 2");
    expect(await db.savedReply.count()).toBe(0);

    // An agent may import personal rows only.
    const agentError = await importSavedRepliesCsv(db, { member: agent, csv: "shortcut,title,body,scope\nmine,Mine,Body,personal\nshared,Shared,Body,shop" }).catch((caught: unknown) => caught);
    expect(Object.keys((agentError as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["line 3"]);
    expect(await db.savedReply.count()).toBe(0);

    // A wrong header and a broken quote are errors of the file, with a line too.
    await expect(importSavedRepliesCsv(db, { member: owner, csv: "title,body\nx,y" })).rejects.toMatchObject({ fieldErrors: { "line 1": [expect.any(String)] } });
    await expect(importSavedRepliesCsv(db, { member: owner, csv: 'shortcut,title,body,scope\nx,"open,b,shop' })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("AUTO-2 export then import round-trips (quotes, commas, line breaks, emoji), updates by shortcut and adds the rest", async () => {
    const { owner } = await team();
    await createSavedReply(db, { member: owner, ...reply({ shortcut: "quote", title: 'Say "hi", nicely', body: "Line one,\nline \"two\" 🎉 {buyer}" }) });
    await createSavedReply(db, { member: owner, ...reply({ scope: "personal", shortcut: "mine", title: "Mine", body: "Personal, {agent}" }) });
    const exported = await exportSavedRepliesCsv(db, { member: owner });
    expect(exported.body.split("\r\n")[0]).toBe("shortcut,title,body,scope");
    const before = await db.savedReply.findMany({ orderBy: { shortcut: "asc" }, select: { shortcut: true, title: true, body: true, ownerId: true } });

    expect((await importSavedRepliesCsv(db, { member: owner, csv: exported.body })).data).toEqual({ created: 0, updated: 2 });
    expect(await db.savedReply.findMany({ orderBy: { shortcut: "asc" }, select: { shortcut: true, title: true, body: true, ownerId: true } })).toEqual(before);

    // Into an empty shop: the same replies appear.
    await db.savedReply.deleteMany();
    expect((await importSavedRepliesCsv(db, { member: owner, csv: `\uFEFF${exported.body}` })).data).toEqual({ created: 2, updated: 0 });
    expect(await db.savedReply.findMany({ orderBy: { shortcut: "asc" }, select: { shortcut: true, title: true, body: true, ownerId: true } })).toEqual(before);
  });
});

describe("AUTO-2 the composer's / suggestions", () => {
  it("AUTO-2 fill the buyer's and the agent's nicknames, the chat's order id and the shop; a chat without an order leaves {order_id} and says so", async () => {
    const { shop, owner, agent } = await team();
    await createSavedReply(db, { member: owner, ...reply({ shortcut: "status", title: "Order status", body: "Hi {buyer}, {agent} from {shop}: order {order_id} is on its way." }) });
    await createSavedReply(db, { member: agent, ...reply({ scope: "personal", shortcut: "stat-mine", title: "Mine", body: "Personal {buyer}" }) });
    const mia = await createBuyer(db, { shopId: shop.id, nickname: "Mia" });
    const order = await db.order.create({ data: { shopId: shop.id, buyerId: mia.id, externalId: "ORD-7781", status: "shipped", totalCents: 1200, placedAt: new Date() } });
    const withOrder = (await ingestBuyerMessage(db, { shopId: shop.id, buyerId: mia.id, clientId: "m-1", content: { kind: "text", body: "Where is it?" }, context: { orderId: order.id } })).data.message;
    const noah = await createBuyer(db, { shopId: shop.id, nickname: "Noah" });
    const withoutOrder = (await ingestBuyerMessage(db, { shopId: shop.id, buyerId: noah.id, clientId: "n-1", content: { kind: "text", body: "Hello" } })).data.message;

    const found = await suggestSavedReplies(db, { member: agent, conversationId: withOrder.conversationId, q: "stauts" });
    expect(found.items[0]).toEqual({
      id: expect.any(String), scope: "shop", shortcut: "status", title: "Order status",
      text: `Hi Mia, ${agent.nickname} from ${shop.name}: order ORD-7781 is on its way.`, missing: [],
    });
    expect((await suggestSavedReplies(db, { member: agent, conversationId: withOrder.conversationId, q: "stat" })).items.map((item) => item.shortcut)).toEqual(["status", "stat-mine"]);
    const missing = await suggestSavedReplies(db, { member: agent, conversationId: withoutOrder.conversationId, q: "status" });
    expect(missing.items[0]).toMatchObject({ text: `Hi Noah, ${agent.nickname} from ${shop.name}: order {order_id} is on its way.`, missing: ["order_id"] });
    // The owner does not get the agent's personal reply.
    expect((await suggestSavedReplies(db, { member: owner, conversationId: withOrder.conversationId, q: "" })).items.map((item) => item.shortcut)).toEqual(["status"]);
  });

  it("AUTO-2 a chat of another shop is not found", async () => {
    const one = await team();
    const two = await team();
    const buyer = await createBuyer(db, { shopId: two.shop.id, nickname: "Zed" });
    const message = (await ingestBuyerMessage(db, { shopId: two.shop.id, buyerId: buyer.id, clientId: "z-1", content: { kind: "text", body: "Hi" } })).data.message;
    await expect(suggestSavedReplies(db, { member: one.owner, conversationId: message.conversationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
