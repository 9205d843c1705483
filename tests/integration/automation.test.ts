// AUTO-1 (greeting) and AUTO-6 (proactive order messages) on a real PostgreSQL: the greeting once
// per repeat window, its variables and the refusal of unknown ones; proactive messages sent once
// per order and status through the real /api/v1 routes, without opening a session, without
// counting as unreplied or in the response rate.
import { beforeEach, describe, expect, it } from "vitest";
import { buildAnalytics } from "../../src/server/services/analytics/read-analytics";
import { assignQueuedSession } from "../../src/server/services/assignment/assign-manually";
import {
  getAutomationOverview,
  updateGreetingSettings,
  updateProactiveTemplates,
} from "../../src/server/services/automation/automation-settings";
import { sendProactiveMessage } from "../../src/server/services/automation/send-proactive-message";
import { listChats } from "../../src/server/services/console-lists";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { resolveMemberContext, type MemberContext } from "../../src/server/services/resolve-member";
import { endSession } from "../../src/server/services/sessions/close-session";
import { updateShopSettings } from "../../src/server/services/team/shop-settings";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, issueToken, useDbForRoutes } from "./api-v1-support";

const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const ordersRoute = await import("../../src/app/api/v1/orders/route");
const orderEventsRoute = await import("../../src/app/api/v1/orders/[externalId]/events/route");

let counter = 0;
const clientId = () => `auto-${counter++}`;
const HOUR = 3_600_000;

async function setUp() {
  const shop = await createShop(db, { name: "Harbor & Pine" });
  const contextOf = async (role: "owner" | "agent") => {
    const member = await createMember(db, { shopId: shop.id, role, nickname: role === "owner" ? "Olivia" : "Ava" });
    return (await resolveMemberContext(db, { userId: member.userId, shopId: shop.id }))!;
  };
  return { shop, owner: await contextOf("owner"), agent: await contextOf("agent") };
}

beforeEach(reset);

describe("AUTO-1 greeting", () => {
  const say = (shopId: string, buyerId: string, body: string, now: Date) =>
    ingestBuyerMessage(db, { shopId, buyerId, clientId: clientId(), content: { kind: "text", body }, now });
  const greetingsOf = (conversationId: string) =>
    db.message.findMany({ where: { conversationId, authorType: "bot", isAutomatic: true }, orderBy: { seq: "asc" } });
  async function endChat(owner: MemberContext, sessionId: string, now: Date) {
    await assignQueuedSession(db, { member: owner, sessionId, targetMemberId: owner.memberId, now });
    await endSession(db, { member: owner, sessionId, now });
  }

  it("AUTO-1 a first chat gets the greeting with {buyer} and {shop} filled in, marked automatic", async () => {
    const { shop, owner } = await setUp();
    await updateGreetingSettings(db, { actor: owner, greeting: { enabled: true, template: "Hi {buyer}!\nWelcome to {shop}.", repeatAfterHours: 24 } });
    const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
    const first = await say(shop.id, buyer.id, "Hello", new Date("2026-12-01T10:00:00Z"));
    const [greeting] = await greetingsOf(first.data.message.conversationId);
    expect(greeting).toMatchObject({ body: "Hi mia!\nWelcome to Harbor & Pine.", isAutomatic: true, authorType: "bot", payload: { automation: "greeting" } });
    expect(greeting!.sessionId).toBe(first.data.openedSessionId);
    // It is live to the widget and the console.
    expect(first.events.filter((event) => "event" in event && event.event === "message.created")).toHaveLength(4);
  });

  it("AUTO-1 a returning buyer within the window is not greeted again; after the window they are", async () => {
    const { shop, owner } = await setUp();
    const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
    const t0 = new Date("2026-12-01T10:00:00Z");
    const first = await say(shop.id, buyer.id, "Hello", t0);
    const conversationId = first.data.message.conversationId;
    await endChat(owner, first.data.openedSessionId!, new Date(t0.getTime() + HOUR));

    const second = await say(shop.id, buyer.id, "Me again", new Date(t0.getTime() + 5 * HOUR));
    expect(second.data.openedSessionId).not.toBeNull();
    expect(await greetingsOf(conversationId)).toHaveLength(1);
    await endChat(owner, second.data.openedSessionId!, new Date(t0.getTime() + 6 * HOUR));

    // 24 h after the first greeting (the default window), the next chat is greeted.
    const third = await say(shop.id, buyer.id, "A day later", new Date(t0.getTime() + 24 * HOUR));
    const greetings = await greetingsOf(conversationId);
    expect(greetings).toHaveLength(2);
    expect(greetings[1]!.sessionId).toBe(third.data.openedSessionId);
  });

  it("AUTO-1 a window of 0 greets every new chat; switched off, nothing is sent", async () => {
    const { shop, owner } = await setUp();
    await updateGreetingSettings(db, { actor: owner, greeting: { enabled: true, template: "Hello {buyer}", repeatAfterHours: 0 } });
    const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
    const t0 = new Date("2026-12-01T10:00:00Z");
    const first = await say(shop.id, buyer.id, "Hello", t0);
    await endChat(owner, first.data.openedSessionId!, new Date(t0.getTime() + 60_000));
    await say(shop.id, buyer.id, "Again", new Date(t0.getTime() + 120_000));
    expect(await greetingsOf(first.data.message.conversationId)).toHaveLength(2);

    await updateGreetingSettings(db, { actor: owner, greeting: { enabled: false, template: "", repeatAfterHours: 0 } });
    const other = await createBuyer(db, { shopId: shop.id });
    const otherFirst = await say(shop.id, other.id, "Hi", t0);
    expect(await greetingsOf(otherFirst.data.message.conversationId)).toHaveLength(0);
  });

  it("AUTO-1 an unknown variable, a too long template or a bad window is refused at save time with a field error", async () => {
    const { owner } = await setUp();
    const save = (greeting: Record<string, unknown>) =>
      updateGreetingSettings(db, { actor: owner, greeting: { enabled: true, template: "Hi {buyer}", repeatAfterHours: 24, ...greeting } as never });
    await expect(save({ template: "Hi {buyer}, I am {agent}" })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { template: ["{agent} cannot be used here: the greeting is sent when the chat opens, before an agent joins. Use {buyer}, {shop}."] },
    });
    await expect(save({ template: "Hi {name}" })).rejects.toMatchObject({ fieldErrors: { template: ["Unknown variable {name}. Use {buyer}, {shop}."] } });
    await expect(save({ template: "x".repeat(1001) })).rejects.toMatchObject({ fieldErrors: { template: ["Use at most 1,000 characters"] } });
    await expect(save({ repeatAfterHours: 721 })).rejects.toMatchObject({ fieldErrors: { repeatAfterHours: ["At most 720 hours (30 days)"] } });
    await expect(save({ template: "   " })).rejects.toMatchObject({ fieldErrors: { template: ["Write a greeting or switch it off"] } });
    // The shop settings route applies the same rule to the greeting it still accepts.
    await expect(updateShopSettings(db, { actor: owner, settings: { dueSoonThresholdMinutes: 60, greetingEnabled: true, greetingTemplate: "{agent}", autoSendThreshold: null, reviewWords: [] } }))
      .rejects.toMatchObject({ code: "BAD_INPUT" });
    const stored = await db.shopSettings.findUniqueOrThrow({ where: { shopId: owner.shopId } });
    expect(stored.greetingTemplate).toBe("Hi {buyer}, welcome to {shop}! How can we help you today?");
  });

  it("AUTO-1 only owners and admins change the greeting", async () => {
    const { agent } = await setUp();
    await expect(updateGreetingSettings(db, { actor: agent, greeting: { enabled: false, template: "", repeatAfterHours: 24 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAutomationOverview(db, { actor: agent })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("AUTO-1 ANALYTICS-1 the greeting is never an agent's reply: the chat stays unanswered and out of the response rate", async () => {
    const { shop } = await setUp();
    const buyer = await createBuyer(db, { shopId: shop.id });
    const opened = new Date("2026-06-01T10:00:00Z");
    const result = await say(shop.id, buyer.id, "Hello", opened);
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: result.data.openedSessionId! } });
    expect(session.firstResponseAt).toBeNull();
    expect(session.oldestUnansweredAt).toEqual(opened);
    const report = await buildAnalytics(db, { shopId: shop.id, query: { from: "2026-06-01", to: "2026-06-01" }, now: new Date(opened.getTime() + 2 * 86_400_000) });
    expect(report.summary.responseRate).toEqual({ replied: 0, opened: 1, rate: 0 });
  });
});

describe("AUTO-6 proactive order messages", () => {
  const order = {
    externalId: "ORD-30001",
    buyer: { externalId: "cust-2001", nickname: "jules_p" },
    status: "to_ship",
    totalCents: 3780,
    placedAt: "2026-01-30T10:15:00Z",
    carrier: "J&T Express",
    trackingNumber: "JT0030001US",
    items: [{ name: "Oolong tea, 100 g", quantity: 2, priceCents: 1890 }],
  };
  const templates = {
    templates: [
      { status: "shipped" as const, enabled: true, template: "{buyer}, order {order_id} shipped with {carrier}.\nTracking: {tracking_number}\nETA: {eta}" },
      { status: "out_for_delivery" as const, enabled: true, template: "Order {order_id} is out for delivery." },
      { status: "delayed" as const, enabled: false, template: "Order {order_id} is late." },
    ],
  };

  async function shopWithToken() {
    const base = await setUp();
    await db.shop.update({ where: { id: base.shop.id }, data: { timeZone: "America/Los_Angeles" } });
    await updateProactiveTemplates(db, { actor: base.owner, templates });
    const token = await issueToken(db, base.shop.id);
    const postOrder = (body: unknown) => callRoute(ordersRoute.POST, { url: "/api/v1/orders", token, body });
    const postEvent = (body: unknown) =>
      callRoute(orderEventsRoute.POST, { url: "/api/v1/orders/ORD-30001/events", token, body, params: { externalId: "ORD-30001" } });
    return { ...base, postOrder, postEvent };
  }
  const proactiveMessages = (shopId: string) =>
    db.message.findMany({ where: { shopId, authorType: "bot", isAutomatic: true, payload: { path: ["automation"], equals: "proactive" } }, orderBy: { seq: "asc" } });

  it("AUTO-6 a shipped event sends the buyer the template with the order's values, live to the widget, in no session", async () => {
    const { shop, postOrder } = await shopWithToken();
    const response = await postOrder({ ...order, events: [{ status: "shipped", occurredAt: "2026-01-31T08:00:00Z", eta: "2026-02-03T18:00:00Z" }] });
    expect(response.status).toBe(201);
    expect(response.json.data.events[0]).toMatchObject({ status: "shipped", eta: "2026-02-03T18:00:00.000Z" });
    const [message] = await proactiveMessages(shop.id);
    expect(message).toMatchObject({
      body: "jules_p, order ORD-30001 shipped with J&T Express.\nTracking: JT0030001US\nETA: Tue, Feb 3",
      sessionId: null,
      payload: { automation: "proactive", orderExternalId: "ORD-30001", orderStatus: "shipped" },
    });
    // The buyer had never chatted: the conversation exists now, with no session at all.
    expect(await db.chatSession.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db.proactiveMessage.findFirstOrThrow()).toMatchObject({ status: "shipped", messageId: message!.id });
  });

  it("AUTO-6 a missing tracking number or ETA drops its line; a disabled status sends nothing", async () => {
    const { shop, postOrder, postEvent } = await shopWithToken();
    await postOrder({ ...order, trackingNumber: null, events: [{ status: "shipped", occurredAt: "2026-01-31T08:00:00Z" }] });
    await postEvent({ status: "delayed", occurredAt: "2026-02-01T08:00:00Z" });
    const messages = await proactiveMessages(shop.id);
    expect(messages.map((message) => message.body)).toEqual(["jules_p, order ORD-30001 shipped with J&T Express."]);
  });

  it("AUTO-6 an event delivered twice, or the same status again, sends once", async () => {
    const { shop, postOrder, postEvent } = await shopWithToken();
    await postOrder(order);
    const event = { status: "out_for_delivery", occurredAt: "2026-02-02T07:45:00Z" };
    const [first, second] = await Promise.all([postEvent(event), postEvent(event)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    await postEvent(event);
    // The same status reported again later (a second "out for delivery" scan) does not repeat it.
    await postEvent({ status: "out_for_delivery", occurredAt: "2026-02-02T09:00:00Z" });
    // The whole order sent again with its events: nothing new either.
    await postOrder({ ...order, status: "out_for_delivery", events: [event] });
    expect((await proactiveMessages(shop.id)).map((message) => message.body)).toEqual(["Order ORD-30001 is out for delivery."]);
    expect(await db.proactiveMessage.count()).toBe(1);
  });

  it("AUTO-6 the unique key holds even when two transactions race past the event check", async () => {
    const { shop, postOrder } = await shopWithToken();
    await postOrder(order);
    const stored = await db.order.findFirstOrThrow({ where: { shopId: shop.id } });
    const send = (eventId: string) =>
      db.$transaction((tx) =>
        sendProactiveMessage(tx, { shopId: shop.id, orderId: stored.id, orderExternalId: "ORD-30001", buyerId: stored.buyerId, eventId, status: "shipped", eta: null, isLatest: true }),
      );
    const results = await Promise.all([send(crypto.randomUUID()), send(crypto.randomUUID())]);
    expect(results.map((events) => events.length > 0).sort()).toEqual([false, true]);
    expect(await proactiveMessages(shop.id)).toHaveLength(1);
  });

  it("AUTO-6 a late, older event sends nothing (it is old news)", async () => {
    const { shop, postOrder, postEvent } = await shopWithToken();
    await postOrder({ ...order, status: "delivered", events: [{ status: "delivered", occurredAt: "2026-02-05T09:00:00Z" }] });
    await postEvent({ status: "shipped", occurredAt: "2026-02-01T09:00:00Z" });
    expect(await proactiveMessages(shop.id)).toHaveLength(0);
  });

  it("AUTO-6 in a replied chat it opens nothing, leaves the chat replied, and stays out of the response rate", async () => {
    const { shop, owner, postOrder, postEvent } = await shopWithToken();
    await postOrder(order);
    const buyer = await db.buyer.findFirstOrThrow({ where: { shopId: shop.id, externalId: "cust-2001" } });
    const opened = new Date();
    const chat = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body: "Where is my tea?" }, now: opened });
    const sessionId = chat.data.openedSessionId!;
    await assignQueuedSession(db, { member: owner, sessionId, targetMemberId: owner.memberId, now: opened });
    const conversationId = chat.data.message.conversationId;
    await sendAgentMessage(db, { member: owner, conversationId, clientId: clientId(), content: { kind: "text", body: "Checking!" } });

    const response = await postEvent({ status: "shipped", occurredAt: new Date().toISOString() });
    expect(response.status).toBe(201);
    expect(await proactiveMessages(shop.id)).toHaveLength(1);
    expect(await db.chatSession.count({ where: { conversationId } })).toBe(1);
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ state: "open", oldestUnansweredAt: null });
    const unreplied = await listChats(db, { member: owner, list: "assigned", status: "unreplied" });
    expect(unreplied.items).toHaveLength(0);
    const mine = await listChats(db, { member: owner, list: "assigned" });
    expect(mine.items).toHaveLength(1);

    // Live: the buyer's widget and the console rooms that see this open chat (its assignee).
    const stored = await db.order.findFirstOrThrow({ where: { shopId: shop.id, externalId: "ORD-30001" } });
    const live = await db.$transaction((tx) =>
      sendProactiveMessage(tx, { shopId: shop.id, orderId: stored.id, orderExternalId: "ORD-30001", buyerId: buyer.id, eventId: crypto.randomUUID(), status: "out_for_delivery", eta: null, isLatest: true }),
    );
    expect(live.map((event) => [event.target, event.event, event.target === "console" ? event.rooms : event.target === "widget" ? event.buyerId : event.shopId])).toEqual([
      ["widget", "message.created", buyer.id],
      ["console", "message.created", [`member:${owner.memberId}`, `shop:${shop.id}:all`]],
    ]);

    // A buyer who only got order messages opened no session: nothing in Unassigned, nothing in the figures.
    await postOrder({ ...order, externalId: "ORD-30002", buyer: { externalId: "cust-2002", nickname: "noor" }, events: [{ status: "shipped", occurredAt: new Date().toISOString() }] });
    expect(await proactiveMessages(shop.id)).toHaveLength(3);
    expect((await listChats(db, { member: owner, list: "unassigned" })).items).toHaveLength(0);
    const day = (offset: number) => new Date(opened.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const report = await buildAnalytics(db, { shopId: shop.id, query: { from: day(-1), to: day(1) }, now: new Date(opened.getTime() + 2 * 86_400_000) });
    expect(report.summary.responseRate.opened).toBe(1);
  });

  it("AUTO-6 the overview shows each tool's state", async () => {
    const { owner } = await shopWithToken();
    const overview = await getAutomationOverview(db, { actor: owner });
    expect(overview.tools.map((tool) => [tool.id, tool.state, tool.href])).toEqual([
      ["greeting", "On", "/settings/automation/greeting"],
      ["saved_replies", "Manage", "/settings/saved-replies"],
      ["faq", "Manage", "/settings/faq"],
      ["recommendation", "Auto-send off", "/settings/faq"],
      ["chatbot", "Off", "/settings/automation/chatbot"],
      ["proactive", "2 of 4 on", "/settings/automation/proactive"],
    ]);
  });
});
