// CONSOLE-4 on real PostgreSQL: search by message keyword, buyer nickname and order id, limited
// to what the member may see, with the match returned as highlight segments (never markup).
import { beforeEach, describe, expect, it } from "vitest";
import { listChats, searchChats } from "../../src/server/services/console-lists";
import { transferSessions } from "../../src/server/services/assignment/assign-manually";
import type { HighlightSegment } from "../../src/core/console";
import { useTestDatabase } from "../support/test-database";
import { createMember } from "../factories";
import { HOUR, MINUTE, ago, contextOf, createChat, createTeamShop } from "./console-lists-support";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const text = (segments: HighlightSegment[]) => segments.map((segment) => segment.text).join("");
const marked = (segments: HighlightSegment[]) => segments.filter((segment) => segment.isMatch).map((segment) => segment.text);

async function addOrder(shopId: string, buyerId: string, externalId: string, placedAt = ago(HOUR)) {
  return db.order.create({ data: { shopId, buyerId, externalId, status: "shipped", totalCents: 1000, placedAt } });
}

describe("CONSOLE-4 search", () => {
  it("CONSOLE-4 finds a message keyword anywhere in the text, case-insensitively, and marks it", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chat = await createChat(db, {
      shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "mia_reads",
      messages: [{ author: "buyer", body: "Is the Cast-Iron KETTLE suitable for induction?", at: ago(2 * HOUR) }, { author: "agent", body: "Yes it is", at: ago(HOUR) }],
    });
    const { results } = await searchChats(db, { member: ava, q: "kettle" });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      conversationId: chat.conversation.id, sessionId: chat.session.id, state: "open", matchedField: "message",
      buyer: { nickname: "mia_reads" }, title: [{ text: "mia_reads", isMatch: false }], at: ago(2 * HOUR).toISOString(),
    });
    expect(text(results[0]!.snippet)).toBe("Is the Cast-Iron KETTLE suitable for induction?");
    expect(marked(results[0]!.snippet)).toEqual(["KETTLE"]);
    expect((await searchChats(db, { member: ava, q: "kettle iron" })).results).toEqual([]);
    const phrase = (await searchChats(db, { member: ava, q: "iron KETTLE suit" })).results;
    expect(marked(phrase[0]!.snippet)).toEqual(["Iron KETTLE suit"]);
  });

  it("CONSOLE-4 shows the newest matching message of a conversation, cut around the match", async () => {
    const { shop, ava } = await createTeamShop(db);
    await createChat(db, {
      shopId: shop.id, state: "open", assigneeId: ava.memberId,
      messages: [
        { author: "buyer", body: "refund please", at: ago(3 * HOUR) },
        { author: "agent", body: `${"Thank you for your patience. ".repeat(5)}Your refund was issued today.${" More text follows here.".repeat(5)}`, at: ago(2 * HOUR) },
      ],
    });
    const [result] = (await searchChats(db, { member: ava, q: "refund" })).results;
    expect(result!.at).toBe(ago(2 * HOUR).toISOString());
    expect(text(result!.snippet).length).toBeLessThanOrEqual(92);
    expect(text(result!.snippet)).toMatch(/^….*Your refund was issued today.*…$/);
    expect(marked(result!.snippet)).toEqual(["refund"]);
  });

  it("CONSOLE-4 does not search system notes, and treats % and _ literally", async () => {
    const { shop, ava } = await createTeamShop(db);
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, messages: [{ author: "buyer", body: "Is 50% off today?" }, { author: "system", body: "The chat was assigned to Ava." }] });
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, messages: [{ author: "buyer", body: "Is 500 off?" }] });
    expect((await searchChats(db, { member: ava, q: "assigned to" })).results).toEqual([]);
    const percent = (await searchChats(db, { member: ava, q: "50%" })).results;
    expect(percent.map((result) => text(result.snippet))).toEqual(["Is 50% off today?"]);
    expect((await searchChats(db, { member: ava, q: "5_0" })).results).toEqual([]);
  });

  it("CONSOLE-4 finds a buyer by any part of the nickname and marks it in the title", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "queued", buyerNickname: "Sam_Tea_Fan" });
    const { results } = await searchChats(db, { member: ava, q: "tea_f" });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ conversationId: chat.conversation.id, matchedField: "nickname", state: "queued", sessionId: chat.session.id, snippet: [] });
    expect(results[0]!.title).toEqual([{ text: "Sam_", isMatch: false }, { text: "Tea_F", isMatch: true }, { text: "an", isMatch: false }]);
    // Two characters search nicknames and order ids (messages need three).
    expect((await searchChats(db, { member: ava, q: "am" })).results.map((result) => result.conversationId)).toEqual([chat.conversation.id]);
  });

  it("CONSOLE-4 finds the buyer's conversation by order id, whole or in part, the exact id first", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    const mia = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "mia_reads" });
    await addOrder(shop.id, mia.buyer.id, "ORD-24017", ago(3 * 24 * HOUR));
    await addOrder(shop.id, mia.buyer.id, "ORD-24001", ago(20 * 24 * HOUR));
    const leo = await createChat(db, { shopId: shop.id, state: "queued", buyerNickname: "leo.k" });
    await addOrder(shop.id, leo.buyer.id, "ORD-240170", ago(HOUR));
    const hidden = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId });
    await addOrder(shop.id, hidden.buyer.id, "ORD-24017-B");

    const exact = (await searchChats(db, { member: ava, q: "ord-24017" })).results;
    expect(exact.map((result) => result.buyer.nickname)).toEqual(["mia_reads", "leo.k"]);
    expect(exact[0]).toMatchObject({ matchedField: "order", sessionId: mia.session.id });
    expect(text(exact[0]!.snippet)).toBe("Order ORD-24017");
    expect(marked(exact[0]!.snippet)).toEqual(["ORD-24017"]);
    const partial = (await searchChats(db, { member: ava, q: "24001" })).results;
    expect(partial.map((result) => result.conversationId)).toEqual([mia.conversation.id]);
  });

  it("CONSOLE-4 lists a conversation once, by its most precise match", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "kettle_fan", messages: [{ author: "buyer", body: "My kettle order KETTLE-1" }] });
    await addOrder(shop.id, chat.buyer.id, "KETTLE-1");
    const { results } = await searchChats(db, { member: ava, q: "kettle" });
    expect(results).toHaveLength(1);
    expect(results[0]!.matchedField).toBe("order");
  });

  it("CONSOLE-4 searches only what the member may see: queued chats, their own open and closed ones; everything for chat access roles; nothing of another shop", async () => {
    const { shop, admin, ava, ben } = await createTeamShop(db);
    const body = (label: string) => [{ author: "buyer" as const, body: `teapot question ${label}` }];
    const queued = await createChat(db, { shopId: shop.id, state: "queued", messages: body("queued") });
    const avasOpen = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, messages: body("ava open") });
    const avasClosed = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, messages: body("ava closed") });
    const bensOpen = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId, messages: body("ben open") });
    const bensClosed = await createChat(db, { shopId: shop.id, state: "expired", assigneeId: ben.memberId, messages: body("ben closed") });
    const other = await createTeamShop(db);
    await createChat(db, { shopId: other.shop.id, state: "queued", messages: body("other shop") });

    const found = async (member: typeof ava) => (await searchChats(db, { member, q: "teapot" })).results.map((result) => result.conversationId).sort();
    expect(await found(ava)).toEqual([queued, avasOpen, avasClosed].map((chat) => chat.conversation.id).sort());
    expect(await found(ben)).toEqual([queued, bensOpen, bensClosed].map((chat) => chat.conversation.id).sort());
    expect(await found(admin)).toEqual([queued, avasOpen, avasClosed, bensOpen, bensClosed].map((chat) => chat.conversation.id).sort());
    expect((await searchChats(db, { member: other.ava, q: "teapot" })).results.map((result) => text(result.snippet))).toEqual(["teapot question other shop"]);

    // The session a result opens is one the member may see.
    const [closedHit] = (await searchChats(db, { member: ava, q: "ava closed" })).results;
    expect(closedHit).toMatchObject({ sessionId: avasClosed.session.id, state: "ended" });
  });

  it("CONSOLE-4 a chat an agent handed on stays searchable for them, as it stays readable", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "leo.k", messages: [{ author: "buyer", body: "Where is my teapot?" }] });
    await db.assignment.create({ data: { shopId: shop.id, sessionId: chat.session.id, kind: "manual", toMemberId: ava.memberId } });
    await transferSessions(db, { member: ava, scope: { sessionId: chat.session.id }, targetMemberId: ben.memberId });

    expect((await listChats(db, { member: ava, list: "assigned" })).items).toEqual([]);
    expect((await listChats(db, { member: ben, list: "assigned" })).items.map((item) => item.sessionId)).toEqual([chat.session.id]);
    for (const q of ["teapot", "leo.k"]) {
      const [result] = (await searchChats(db, { member: ava, q })).results;
      expect(result, q).toMatchObject({ conversationId: chat.conversation.id, sessionId: chat.session.id, state: "open" });
    }
    // An agent of the same shop who never held it does not find it.
    const chloe = await contextOf(db, await createMember(db, { shopId: shop.id, nickname: "chloe_search" }));
    expect((await searchChats(db, { member: chloe, q: "teapot" })).results).toEqual([]);
  });

  it("CONSOLE-4 an agent finds their chats by a word so common that the shop holds thousands of matches", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    // 12,000 matching messages in Ben's chats, more than the trigram step collects.
    const bens = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId, messages: [{ author: "buyer", body: "hello" }] });
    await db.message.createMany({
      data: Array.from({ length: 12_000 }, (_, index) => ({
        shopId: shop.id, conversationId: bens.conversation.id, sessionId: bens.session.id, seq: index + 2,
        authorType: "buyer" as const, kind: "text" as const, body: `parcel update number ${index}`, createdAt: ago(index * MINUTE),
      })),
    });
    const mine = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, messages: [{ author: "buyer", body: "Where is my parcel?", at: ago(400 * 24 * HOUR) }] });
    const { results } = await searchChats(db, { member: ava, q: "parcel" });
    expect(results.map((result) => result.conversationId)).toEqual([mine.conversation.id]);
    expect(marked(results[0]!.snippet)).toEqual(["parcel"]);
  });
});
