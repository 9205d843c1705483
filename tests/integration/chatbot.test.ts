// AUTO-5 on a real PostgreSQL: the chatbot answers from the FAQ as the bot, hands over on a
// request for a person, the widget button, low confidence and two unanswered turns; the
// hand-over puts the session in the Unassigned queue with the buyer's note and the agent's
// summary, once; the bot never speaks after an agent joined; off by default changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { HANDOVER_NOTE, REPHRASE_REPLY } from "../../src/core/automation/chatbot";
import { countStatuses, listChats } from "../../src/server/services/console-lists";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { assignQueuedSession } from "../../src/server/services/assignment/assign-manually";
import { getAutomationOverview } from "../../src/server/services/automation/automation-settings";
import { readChatbotSettings, requestPerson, updateChatbotSettings } from "../../src/server/services/automation/chatbot";
import { importFaqCsv } from "../../src/server/services/faq/library";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const CSV = [
  "id,category,question,alternatives,answer",
  'shipping-time,logistics,How long does shipping take?,When will my package arrive | How many days for delivery,"Standard shipping takes 3 to 5 working days."',
  'return-policy,after_sales,What is your return policy?,Can I return an item,"You can return unworn items within 30 days, with their tags."',
  'payment-methods,pre_purchase,Which payment methods do you accept?,Can I pay with PayPal,"Visa, Mastercard and PayPal."',
].join("\r\n");

let counter = 0;
const clientId = () => `bot-${Date.now()}-${counter++}`;

async function shopWithBot(options: { enabled?: boolean; threshold?: number } = {}) {
  const shop = await createShop(db);
  await db.shopSettings.update({ where: { shopId: shop.id }, data: { greetingEnabled: false, autoSendThreshold: options.threshold ?? null } });
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: `Olivia${counter++}` });
  const agent = await createMember(db, { shopId: shop.id, role: "agent", nickname: `Ava${counter++}` });
  const ownerContext = (await resolveMemberContext(db, { userId: owner.userId, shopId: shop.id }))!;
  const agentContext = (await resolveMemberContext(db, { userId: agent.userId, shopId: shop.id }))!;
  await importFaqCsv(db, { scope: { member: ownerContext }, csv: CSV });
  if (options.enabled ?? true) await updateChatbotSettings(db, { actor: ownerContext, enabled: true });
  const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
  const write = async (body: string, now?: Date) => ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body }, now });
  return { shop, owner, agent, ownerContext, agentContext, buyer, write };
}

async function messagesOf(conversationId: string) {
  return db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
}

describe("the chatbot (AUTO-5)", () => {
  it("AUTO-5: off by default: the switch reads off, a new session is not the bot's and is routed as before", async () => {
    const { ownerContext, agentContext, write, shop } = await shopWithBot({ enabled: false });
    expect(await readChatbotSettings(db, { actor: ownerContext })).toEqual({ enabled: false });
    const overview = await getAutomationOverview(db, { actor: ownerContext });
    expect(overview.tools.find((tool) => tool.id === "chatbot")).toMatchObject({ state: "Off", href: "/settings/automation/chatbot" });
    await expect(updateChatbotSettings(db, { actor: agentContext, enabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const result = await write("How long does shipping take?");
    expect(result.drain).toEqual([shop.id]);
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: result.data.openedSessionId! } });
    expect(session).toMatchObject({ botActive: false, handedOverAt: null, state: "queued" });
    // AUTO-4's auto-send is off in this shop: no automatic message at all.
    expect((await messagesOf(result.data.message.conversationId)).map((m) => m.authorType)).toEqual(["buyer"]);
  });

  it("AUTO-5: while on, the bot answers an FAQ question as the bot, automatic, and the session is held back from assignment", async () => {
    const { write, shop, owner } = await shopWithBot();
    const result = await write("how many days does shipping take?");
    expect(result.drain).toEqual([]);
    const messages = await messagesOf(result.data.message.conversationId);
    expect(messages.map((m) => [m.authorType, m.isAutomatic])).toEqual([["buyer", false], ["bot", true]]);
    expect(messages[1]).toMatchObject({ body: "Standard shipping takes 3 to 5 working days.", answersMessageId: result.data.message.id });
    expect(messages[1]!.payload).toMatchObject({ automation: "chatbot", faqAnswer: { faqId: "shipping-time" } });
    const widgetEvents = result.events.filter((e) => e.target === "widget" && "event" in e && e.event === "message.created");
    expect(widgetEvents).toHaveLength(2);
    // The drain skips the bot's session, even with an online member accepting chats.
    const drained = await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [owner.id] }).routing });
    expect(drained.assigned).toBe(0);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: result.data.openedSessionId! } })).toMatchObject({ state: "queued", botActive: true, assigneeId: null });
  });

  it.each([
    ["en", "I want to talk to a human"],
    ["es", "quiero hablar con una persona"],
    ["id", "saya mau bicara dengan manusia"],
  ])("AUTO-5: asking for a person (%s) hands over to the queue with the buyer's note and the agent's summary", async (_lang, body) => {
    const { write, shop } = await shopWithBot();
    const first = await write("What is your return policy?");
    const asked = await write(body);
    expect(asked.drain).toEqual([shop.id]);
    const messages = await messagesOf(first.data.message.conversationId);
    const note = messages.at(-1)!;
    expect(note).toMatchObject({ authorType: "system", kind: "system", body: HANDOVER_NOTE, isAutomatic: true });
    expect(note.payload).toEqual({ automation: "chatbot", handover: { reason: "person_requested", asked: ["What is your return policy?", body] } });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } });
    expect(session).toMatchObject({ botActive: false, state: "queued", assigneeId: null });
    expect(session.handedOverAt).not.toBeNull();
    expect(session.queuedAt.getTime()).toBe(session.handedOverAt!.getTime());
    // The buyer hears of the note (no silent hand-over) and the console of the session change.
    expect(asked.events.some((e) => e.target === "widget" && "event" in e && e.event === "message.created" && (e.payload as { message: { body: string } }).message.body === HANDOVER_NOTE)).toBe(true);
    expect(asked.events.some((e) => e.target === "console" && "event" in e && e.event === "session.changed" && (e.payload as { change: string }).change === "handed_over")).toBe(true);
  });

  it("AUTO-5: the Talk to a person button hands over once; pressing again, or writing after, brings no second note and no bot reply (no loops)", async () => {
    const { write, shop, buyer, owner } = await shopWithBot();
    const first = await write("Which payment methods do you accept?");
    const sessionId = first.data.openedSessionId!;
    const pressed = await requestPerson(db, { shopId: shop.id, buyerId: buyer.id, sessionId });
    expect(pressed.data).toEqual({ handedOver: true });
    expect(pressed.drain).toEqual([shop.id]);
    expect((await requestPerson(db, { shopId: shop.id, buyerId: buyer.id, sessionId })).data).toEqual({ handedOver: false });
    await write("How long does shipping take?");
    const messages = await messagesOf(first.data.message.conversationId);
    expect(messages.filter((m) => m.body === HANDOVER_NOTE)).toHaveLength(1);
    expect(messages.filter((m) => m.authorType === "bot")).toHaveLength(1);
    expect((messages.find((m) => m.body === HANDOVER_NOTE)!.payload as { handover: { reason: string } }).handover.reason).toBe("button");
    // Another buyer cannot press it for this chat.
    const other = await createBuyer(db, { shopId: shop.id });
    await expect(requestPerson(db, { shopId: shop.id, buyerId: other.id, sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Now an ordinary queued chat: the drain routes it.
    expect((await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [owner.id] }).routing })).assigned).toBe(1);
  });

  it("AUTO-5: low confidence hands over at once; an unsure turn asks to rephrase and the second unsure turn hands over", async () => {
    const low = await shopWithBot();
    const nothing = await low.write("do you like jazz music on sundays");
    const lowMessages = await messagesOf(nothing.data.message.conversationId);
    expect(lowMessages.map((m) => m.body)).toEqual(["do you like jazz music on sundays", HANDOVER_NOTE]);
    expect((lowMessages[1]!.payload as { handover: { reason: string } }).handover.reason).toBe("low_confidence");

    // At the shop's threshold 1 a good paraphrase is close but not confident: an unanswered turn.
    const unsure = await shopWithBot({ threshold: 1 });
    const first = await unsure.write("how fast is your delivery service?");
    expect((await messagesOf(first.data.message.conversationId)).at(-1)).toMatchObject({ authorType: "bot", isAutomatic: true, body: REPHRASE_REPLY });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } })).toMatchObject({ botActive: true, botUnansweredTurns: 1 });
    await unsure.write("how fast is your delivery service?");
    const afterSecond = await messagesOf(first.data.message.conversationId);
    expect(afterSecond.map((m) => m.authorType)).toEqual(["buyer", "bot", "buyer", "system"]);
    expect(afterSecond.at(-1)).toMatchObject({ body: HANDOVER_NOTE });
    expect((afterSecond.at(-1)!.payload as { handover: { reason: string } }).handover.reason).toBe("unanswered_turns");
  });

  it("AUTO-5: a question about the buyer's own order is never answered by the bot: it hands over", async () => {
    const { write } = await shopWithBot();
    const result = await write("How long does shipping take for my order #12345?");
    const messages = await messagesOf(result.data.message.conversationId);
    expect(messages.map((m) => m.authorType)).toEqual(["buyer", "system"]);
    expect((messages[1]!.payload as { handover: { reason: string } }).handover.reason).toBe("needs_agent");
  });

  it("AUTO-5: no bot reply after an agent has joined (taken from the bot's queue)", async () => {
    const { write, agent, agentContext } = await shopWithBot();
    const first = await write("How long does shipping take?");
    await assignQueuedSession(db, { member: agentContext, sessionId: first.data.openedSessionId!, targetMemberId: agent.id });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } });
    expect(session).toMatchObject({ state: "open", botActive: false });
    expect(session.handedOverAt).not.toBeNull();
    await write("What is your return policy?");
    const messages = await messagesOf(first.data.message.conversationId);
    expect(messages.filter((m) => m.authorType === "bot")).toHaveLength(1);
    expect(messages.at(-1)!.authorType).toBe("buyer");
  });

  it("AUTO-5: switching the bot off hands its chats to people, and a returning buyer's new session starts without it", async () => {
    const { write, ownerContext, shop } = await shopWithBot();
    const first = await write("How long does shipping take?");
    const off = await updateChatbotSettings(db, { actor: ownerContext, enabled: false });
    expect(off.drain).toEqual([shop.id]);
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } });
    expect(session).toMatchObject({ botActive: false, state: "queued" });
    const messages = await messagesOf(first.data.message.conversationId);
    expect(messages.at(-1)).toMatchObject({ body: HANDOVER_NOTE });
    // The session ends; the buyer comes back: the new session is not the bot's.
    await db.chatSession.update({ where: { id: session.id }, data: { state: "ended", closedAt: new Date() } });
    await db.conversation.update({ where: { id: first.data.message.conversationId }, data: { activeSessionId: null } });
    const again = await write("How long does shipping take?");
    expect(again.data.openedSessionId).not.toBe(session.id);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: again.data.openedSessionId! } })).toMatchObject({ botActive: false });
  });

  it("AUTO-5: bot time is not response time: the fact reaches people at the hand-over, and not at all while the bot alone holds it", async () => {
    const { write, shop, buyer } = await shopWithBot();
    const first = await write("How long does shipping take?");
    const fact = () => db.analyticsSessionFact.findUniqueOrThrow({ where: { sessionId: first.data.openedSessionId! } });
    expect((await fact()).humanQueueAt).toBeNull();
    await requestPerson(db, { shopId: shop.id, buyerId: buyer.id, sessionId: first.data.openedSessionId!, now: new Date(Date.now() + 60_000) });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: first.data.openedSessionId! } });
    expect((await fact()).humanQueueAt).toEqual(session.handedOverAt);
    expect((await fact()).openedAt).toEqual(session.createdAt);
  });

  describe("bot time is not the people's reply time (AUTO-5, CONSOLE-2)", () => {
    const HOUR = 3_600_000;

    it("AUTO-5: a chat the bot holds is never unreplied, due soon or overdue for people, however long the bot talks", async () => {
      const { write, ownerContext, agentContext } = await shopWithBot();
      const now = new Date();
      const first = await write("How long does shipping take?", new Date(now.getTime() - 30 * HOUR));
      await write("What is your return policy?", new Date(now.getTime() - 29 * HOUR));
      // The console hears that the bot holds it, with no reply clock.
      const changed = first.events.find((e) => e.target === "console" && "event" in e && e.event === "session.changed");
      expect((changed!.payload as { session: { withBot: boolean; oldestUnansweredAt: string | null } }).session).toMatchObject({ withBot: true, oldestUnansweredAt: null });
      for (const member of [ownerContext, agentContext]) {
        const counts = await countStatuses(db, { member, now });
        expect(counts.unassigned).toMatchObject({ total: 1, overdue: 0, dueSoon: 0, unreplied: 0 });
        expect(counts.nextChangeAt).toBeNull();
        const page = await listChats(db, { member, list: "unassigned", now });
        expect(page.items).toHaveLength(1);
        expect(page.items[0]).toMatchObject({ withBot: true, isNotReplied: false, waitingSince: null, slaStatus: "answered" });
        for (const status of ["unreplied", "overdue", "due_soon"] as const) {
          expect((await listChats(db, { member, list: "unassigned", status, now })).items).toEqual([]);
        }
      }
      expect((await countStatuses(db, { member: ownerContext, now })).all).toMatchObject({ total: 1, overdue: 0, dueSoon: 0, unreplied: 0 });
    });

    it("AUTO-5: after the hand-over the SLA clock starts at the hand-over, not at the buyer's first question to the bot", async () => {
      const { write, shop, buyer, ownerContext } = await shopWithBot();
      const now = new Date();
      const first = await write("How long does shipping take?", new Date(now.getTime() - 30 * HOUR));
      const handedOverAt = new Date(now.getTime() - 21 * HOUR);
      await requestPerson(db, { shopId: shop.id, buyerId: buyer.id, sessionId: first.data.openedSessionId!, now: handedOverAt });
      // 30 h since the question would be overdue; 21 h since the hand-over is due soon (4 h window).
      const counts = await countStatuses(db, { member: ownerContext, now });
      expect(counts.unassigned).toMatchObject({ total: 1, overdue: 0, dueSoon: 1, unreplied: 1 });
      expect(counts.nextChangeAt).toBe(new Date(handedOverAt.getTime() + 24 * HOUR + 1).toISOString());
      const [item] = (await listChats(db, { member: ownerContext, list: "unassigned", now })).items;
      expect(item).toMatchObject({ withBot: false, isNotReplied: true, waitingSince: handedOverAt.toISOString(), slaStatus: "due_soon" });
      expect((await listChats(db, { member: ownerContext, list: "unassigned", status: "overdue", now })).items).toEqual([]);
      expect((await listChats(db, { member: ownerContext, list: "unassigned", status: "due_soon", now })).items).toHaveLength(1);
      // A buyer message after the hand-over keeps the clock at the hand-over (the oldest wait).
      await write("Anyone there?", new Date(now.getTime() - 20 * HOUR));
      const [again] = (await listChats(db, { member: ownerContext, list: "unassigned", now })).items;
      expect(again!.waitingSince).toBe(handedOverAt.toISOString());
    });

    it("AUTO-5: a member taking the chat from the bot starts the SLA clock then", async () => {
      const { write, agent, agentContext } = await shopWithBot();
      const now = new Date();
      const first = await write("How long does shipping take?", new Date(now.getTime() - 30 * HOUR));
      const takenAt = new Date(now.getTime() - 2 * HOUR);
      await assignQueuedSession(db, { member: agentContext, sessionId: first.data.openedSessionId!, targetMemberId: agent.id, now: takenAt });
      const counts = await countStatuses(db, { member: agentContext, now });
      expect(counts.assigned).toMatchObject({ total: 1, overdue: 0, dueSoon: 0, unreplied: 1 });
      const [item] = (await listChats(db, { member: agentContext, list: "assigned", now })).items;
      expect(item).toMatchObject({ withBot: false, waitingSince: takenAt.toISOString(), slaStatus: "on_time" });
    });
  });
});

