// AUTO-3, AUTO-4 on a real PostgreSQL: the FAQ library's CSV import (line-numbered errors, all
// or nothing, upsert by id), export round trip, tenant isolation, permissions, and the automatic
// FAQ answer: sent once per buyer message, marked automatic, never an agent reply, never for a
// message that needs the buyer's own order data or asks for a person.
import { beforeEach, describe, expect, it } from "vitest";
import { parseFaqCsv } from "../../src/core/faq";
import { deleteFaqEntry, exportFaqCsv, getFaqEntry, importFaqCsv, listFaqEntries, upsertFaqEntry } from "../../src/server/services/faq/library";
import { autoAnswerBuyerMessage } from "../../src/server/services/faq/auto-answer";
import { recommendReplies } from "../../src/server/services/faq/recommend";
import { readAutoSendSettings, updateAutoSendThreshold } from "../../src/server/services/faq/auto-send-settings";
import { recommendForConversation } from "../../src/server/services/faq/recommend-for-conversation";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const HEADER = "id,category,question,alternatives,answer";
const GOOD_CSV = [
  HEADER,
  'shipping-time,logistics,How long does shipping take?,When will my package arrive | How many days for delivery,"Standard shipping takes 3 to 5 working days."',
  'return-policy,after_sales,What is your return policy?,Can I return an item,"You can return unworn items within 30 days, with their tags."',
  'payment-methods,pre_purchase,Which payment methods do you accept?,Can I pay with PayPal,"Visa, Mastercard and PayPal."',
].join("\r\n");

let counter = 0;
const clientId = () => `faq-${Date.now()}-${counter++}`;

async function shopWithOwner(threshold: number | null = 0.7) {
  const shop = await createShop(db);
  await db.shopSettings.update({ where: { shopId: shop.id }, data: { autoSendThreshold: threshold, greetingEnabled: false } });
  const owner = await createMember(db, { shopId: shop.id, role: "owner" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent" });
  const ownerContext = (await resolveMemberContext(db, { userId: owner.userId, shopId: shop.id }))!;
  const agentContext = (await resolveMemberContext(db, { userId: agent.userId, shopId: shop.id }))!;
  return { shop, owner: { member: ownerContext }, agent: { member: agentContext } };
}

describe("FAQ library CSV (AUTO-3)", () => {
  it("AUTO-3: an import with bad rows reports each with its physical line number and writes nothing", async () => {
    const { owner, shop } = await shopWithOwner();
    const csv = [
      HEADER,
      'ok-1,logistics,How long does shipping take?,,"Three to five days,\nsometimes more."', // lines 2-3
      "bad-category,shipping,Question?,,Answer", // line 4
      "", // line 5 (empty, skipped)
      "ok-2,pre_purchase,Do you sell gift cards?,Voucher | Gift certificate,Yes.", // line 6
      "missing-answer,after_sales,Can I return?,,", // line 7
      "ok-1,logistics,Duplicate id?,,Yes.", // line 8
    ].join("\n");
    const result = await importFaqCsv(db, { scope: owner, csv });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.line)).toEqual([4, 7, 8]);
    expect(result.errors[0]!.message).toContain("category");
    expect(result.errors[1]!.message).toContain("answer is required");
    expect(result.errors[2]!.message).toContain("line 2");
    expect(await db.faqEntry.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("AUTO-3: a wrong header and broken quoting are refused with a line number", async () => {
    const { owner } = await shopWithOwner();
    const header = await importFaqCsv(db, { scope: owner, csv: "id,question,answer\na,b,c" });
    expect(header).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    const quoting = await importFaqCsv(db, { scope: owner, csv: `${HEADER}\na,logistics,"unclosed,,x\n` });
    expect(quoting).toMatchObject({ ok: false, errors: [{ line: 2 }] });
  });

  it("AUTO-3: import, export and import again round-trips exactly and upserts by id", async () => {
    const { owner, shop } = await shopWithOwner();
    expect(await importFaqCsv(db, { scope: owner, csv: GOOD_CSV })).toEqual({ ok: true, created: 3, updated: 0 });
    const exported = await exportFaqCsv(db, { scope: owner });
    expect(exported.split("\r\n")[0]).toBe(HEADER);
    expect(exported).toContain("When will my package arrive | How many days for delivery");
    expect(exported).toContain('"You can return unworn items within 30 days, with their tags."');
    const again = parseFaqCsv(exported);
    const original = parseFaqCsv(GOOD_CSV);
    expect(again.ok && original.ok && [...again.entries].sort((a, b) => a.externalId.localeCompare(b.externalId))).toEqual(
      original.ok && [...original.entries].sort((a, b) => a.externalId.localeCompare(b.externalId)),
    );
    const changed = GOOD_CSV.replace("3 to 5 working days", "2 to 4 working days");
    expect(await importFaqCsv(db, { scope: owner, csv: changed })).toEqual({ ok: true, created: 0, updated: 3 });
    expect(await db.faqEntry.count({ where: { shopId: shop.id } })).toBe(3);
    expect((await getFaqEntry(db, { scope: owner, id: "shipping-time" })).answer).toBe("Standard shipping takes 2 to 4 working days.");
  });

  it("AUTO-3: search ignores case and accents; entries are paged in id order", async () => {
    const { owner } = await shopWithOwner();
    await importFaqCsv(db, { scope: owner, csv: `${GOOD_CSV}\r\nenvio,logistics,¿Cuánto cuesta el envío?,,Cuesta 5 euros.` });
    expect((await listFaqEntries(db, { scope: owner, search: "ENVIO" })).entries.map((entry) => entry.id)).toEqual(["envio"]);
    const first = await listFaqEntries(db, { scope: owner, limit: 2 });
    expect(first.entries.map((entry) => entry.id)).toEqual(["envio", "payment-methods"]);
    expect(first.total).toBe(4);
    const second = await listFaqEntries(db, { scope: owner, limit: 2, after: first.nextCursor! });
    expect(second.entries.map((entry) => entry.id)).toEqual(["return-policy", "shipping-time"]);
    expect(second.nextCursor).toBeNull();
  });

  it("AUTO-3: shops never see or change each other's entries", async () => {
    const a = await shopWithOwner();
    const b = await shopWithOwner();
    await importFaqCsv(db, { scope: a.owner, csv: GOOD_CSV });
    expect((await listFaqEntries(db, { scope: b.owner })).entries).toEqual([]);
    await expect(getFaqEntry(db, { scope: b.owner, id: "shipping-time" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteFaqEntry(db, { scope: b.owner, id: "shipping-time" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await upsertFaqEntry(db, { scope: b.owner, entry: { externalId: "shipping-time", category: "logistics", question: "B's question?", alternatives: [], answer: "B's answer." } });
    expect((await getFaqEntry(db, { scope: a.owner, id: "shipping-time" })).answer).toBe("Standard shipping takes 3 to 5 working days.");
    expect((await recommendReplies(db, { shopId: b.shop.id, text: "what is your return policy?" })).recommendations.map((r) => r.id)).not.toContain("return-policy");
  });

  it("AUTO-3: agents may read the library but not change it", async () => {
    const { owner, agent } = await shopWithOwner();
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    expect((await listFaqEntries(db, { scope: agent })).total).toBe(3);
    await expect(importFaqCsv(db, { scope: agent, csv: GOOD_CSV })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteFaqEntry(db, { scope: agent, id: "shipping-time" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reply recommendation and auto-send (AUTO-4)", () => {
  async function buyerAsks(shopId: string, body: string) {
    const buyer = await createBuyer(db, { shopId, nickname: "mia" });
    const result = await ingestBuyerMessage(db, { shopId, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body } });
    const messages = await db.message.findMany({ where: { conversationId: result.data.message.conversationId }, orderBy: { seq: "asc" } });
    return { buyer, result, messages };
  }

  it("AUTO-4: the exact question ranks its entry first with a score in [0, 1]", async () => {
    const { owner, shop } = await shopWithOwner();
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    const { recommendations } = await recommendReplies(db, { shopId: shop.id, text: "How long does shipping take?" });
    expect(recommendations[0]).toMatchObject({ id: "shipping-time", category: "logistics", answer: "Standard shipping takes 3 to 5 working days." });
    for (const recommendation of recommendations) expect(recommendation.score).toBeGreaterThanOrEqual(0);
    expect(recommendations[0]!.score).toBeLessThanOrEqual(1);
  });

  it("AUTO-4: word vectors rank a paraphrase's entry first; a match resting on them is suggested, never sent", async () => {
    const { owner, shop } = await shopWithOwner(0.5);
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    // "visa" is nowhere in the questions (the lexical view alone ranks shipping first); the
    // answer and the vectors say payment.
    expect((await recommendReplies(db, { shopId: shop.id, text: "do you take visa" })).recommendations[0]).toMatchObject({ id: "payment-methods" });
    // "postage" is near "shipping" but the library has no shipping-cost entry: above the
    // threshold of 0.5, yet too little shared wording to send anything.
    const postage = await recommendReplies(db, { shopId: shop.id, text: "what does postage cost" });
    expect(postage.recommendations[0]!.score).toBeGreaterThanOrEqual(0.5);
    expect(postage.autoSend).toEqual({ send: false, reason: "lexical_evidence" });
    expect((await buyerAsks(shop.id, "what does postage cost")).messages.filter((m) => m.isAutomatic)).toEqual([]);
  });

  it("AUTO-4: above the threshold the answer is sent once, as the bot, automatic, and the buyer still waits for an agent", async () => {
    const { owner, shop } = await shopWithOwner(0.7);
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    const { buyer, result, messages } = await buyerAsks(shop.id, "how many days does shipping take? 📦");
    expect(messages.map((m) => [m.authorType, m.isAutomatic])).toEqual([["buyer", false], ["bot", true]]);
    expect(messages[1]).toMatchObject({ body: "Standard shipping takes 3 to 5 working days.", answersMessageId: result.data.message.id });
    expect(result.events.filter((e) => "event" in e && e.event === "message.created")).toHaveLength(4);
    // Asked again for the same buyer message (a retry, a second node): nothing more is sent.
    const again = await autoAnswerBuyerMessage(db, {
      shopId: shop.id, conversationId: result.data.message.conversationId, buyerId: buyer.id, sessionId: result.data.message.sessionId!,
      messageId: result.data.message.id, text: result.data.message.body, audience: [],
    });
    expect(again.sent).toBeNull();
    const [x, y] = await Promise.all([1, 2].map(() => autoAnswerBuyerMessage(db, {
      shopId: shop.id, conversationId: result.data.message.conversationId, buyerId: buyer.id, sessionId: result.data.message.sessionId!,
      messageId: result.data.message.id, text: result.data.message.body, audience: [],
    })));
    expect([x!.sent, y!.sent]).toEqual([null, null]);
    expect(await db.message.count({ where: { conversationId: result.data.message.conversationId, isAutomatic: true } })).toBe(1);
    // Never an agent reply: the session is still waiting for one.
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: result.data.message.sessionId! } });
    expect(session.oldestUnansweredAt).not.toBeNull();
  });

  it.each([
    ["order data (en)", "How long does shipping take for my order #12345?"],
    ["order data (es)", "¿cuánto tarda el envío de mi pedido?"],
    ["order data (id)", "berapa lama pengiriman pesanan saya?"],
    ["a person (en)", "How long does shipping take? I want to talk to a human"],
    ["a person (es)", "quiero hablar con una persona sobre el envío"],
    ["a person (id)", "saya mau bicara dengan manusia soal pengiriman"],
  ])("AUTO-4: nothing is sent automatically for %s", async (_label, body) => {
    const { owner, shop } = await shopWithOwner(0.1);
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    const { messages } = await buyerAsks(shop.id, body);
    expect(messages.filter((m) => m.isAutomatic)).toEqual([]);
  });

  it("AUTO-4 SET-6: nothing is sent when the shop's auto-send is off, or the question is in another language than the FAQ", async () => {
    const off = await shopWithOwner(null);
    await importFaqCsv(db, { scope: off.owner, csv: GOOD_CSV });
    expect((await buyerAsks(off.shop.id, "How long does shipping take?")).messages.filter((m) => m.isAutomatic)).toEqual([]);
    const on = await shopWithOwner(0.5);
    await importFaqCsv(db, { scope: on.owner, csv: GOOD_CSV });
    expect((await buyerAsks(on.shop.id, "¿cuánto tarda el envío?")).messages.filter((m) => m.isAutomatic)).toEqual([]);
  });

  it("AUTO-4 SET-6: owners set the threshold (0.5..1 or off); agents cannot", async () => {
    const { owner, agent, shop } = await shopWithOwner(null);
    expect(await readAutoSendSettings(db, { actor: agent.member })).toEqual({ autoSendThreshold: null, defaultThreshold: 0.7 });
    expect(await updateAutoSendThreshold(db, { actor: owner.member, autoSendThreshold: 0.8 })).toMatchObject({ autoSendThreshold: 0.8 });
    await expect(updateAutoSendThreshold(db, { actor: owner.member, autoSendThreshold: 0.2 })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(updateAutoSendThreshold(db, { actor: agent.member, autoSendThreshold: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).autoSendThreshold).toBe(0.8);
  });

  it("AUTO-4: the console's suggestions follow the latest buyer message, name an automatic answer, and stay inside the shop", async () => {
    const { owner, shop } = await shopWithOwner(0.7);
    await importFaqCsv(db, { scope: owner, csv: GOOD_CSV });
    const { result } = await buyerAsks(shop.id, "How long does shipping take?");
    const suggestions = await recommendForConversation(db, { actor: owner.member, conversationId: result.data.message.conversationId });
    expect(suggestions).toMatchObject({ messageId: result.data.message.id, autoSentFaqId: "shipping-time", recommendations: [{ id: "shipping-time" }] });
    const other = await shopWithOwner();
    await expect(recommendForConversation(db, { actor: other.owner.member, conversationId: result.data.message.conversationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Deleting the entry keeps the answer that was sent.
    await deleteFaqEntry(db, { scope: owner, id: "shipping-time" });
    expect(await db.message.count({ where: { answersMessageId: result.data.message.id } })).toBe(1);
  });
});
