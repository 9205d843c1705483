// WIDGET-4: the honest widget's figures and live events on the real realtime server. Whether an
// agent is online follows the consoles (connect at once, close after the grace period) and the
// members' accept switch; a queued buyer gets their place in the queue and the expected wait
// from recent queue waits; the offline message is the shop's setting.
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OFFLINE_MESSAGE } from "../../src/core/widget/availability";
import { applyServiceResult } from "../../src/server/services/apply-service-result";
import { createMemoryPresenceStore } from "../../src/server/services/presence/presence-store";
import type { MemberContext } from "../../src/server/services/resolve-member";
import { setAcceptAutoAssign } from "../../src/server/services/set-accept-auto-assign";
import { loadWidgetContext } from "../../src/server/services/widget/load-widget-context";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, type RealtimeNode } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";
import { actorFor } from "./team-fixtures";

const { db, reset } = await useTestDatabase();
let nodes: RealtimeNode[] = [];
let sockets: Socket[] = [];
beforeEach(reset);
afterEach(async () => {
  sockets.forEach((socket) => socket.disconnect());
  await Promise.all(nodes.map((node) => node.stop().catch(() => undefined)));
  [nodes, sockets] = [[], []];
});

async function startNode(): Promise<RealtimeNode> {
  const routing = { presence: createMemoryPresenceStore({ graceMs: 0, liveTtlMs: 60_000 }), now: () => new Date() };
  const node = await startRealtimeNode(db, { routing, presenceGraceMs: 0 });
  nodes.push(node);
  return node;
}

async function openWidget(node: RealtimeNode, buyer: { id: string; shopId: string }): Promise<Socket> {
  const socket = connectWidget(node.url, widgetToken(buyer));
  sockets.push(socket);
  await waitFor(socket, "widget.ready");
  return socket;
}

async function openConsole(node: RealtimeNode, member: { userId: string; shopId: string }): Promise<Socket> {
  // A connection of its own: socket.io-client would otherwise share the widget's (cookie-less) one.
  const socket = connect(`${node.url}/console`, { extraHeaders: { cookie: await memberCookie(member) }, transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(socket);
  await waitFor(socket, "console.ready");
  return socket;
}

const MINUTE = 60_000;

/** A buyer with a conversation and a session in the given state. */
async function sessionFor(shopId: string, input: { state: "queued" | "open" | "ended"; queuedAt: Date; assignedAt?: Date; assigneeId?: string }) {
  const buyer = await createBuyer(db, { shopId });
  const conversation = await db.conversation.create({ data: { shopId, buyerId: buyer.id } });
  const session = await db.chatSession.create({
    data: { shopId, conversationId: conversation.id, state: input.state, queuedAt: input.queuedAt, assignedAt: input.assignedAt ?? null, assigneeId: input.assigneeId ?? null },
  });
  if (input.state !== "ended") await db.conversation.update({ where: { id: conversation.id }, data: { activeSessionId: session.id } });
  return { buyer, session };
}

describe("WIDGET-4 availability, live", () => {
  it("WIDGET-4: a shop's widgets hear availability.changed when an agent's console opens, and when it closes after the grace period; other shops' widgets do not", async () => {
    const node = await startNode();
    const shop = await createShop(db);
    const other = await createShop(db);
    const agent = await createMember(db, { shopId: shop.id });
    const otherAgent = await createMember(db, { shopId: other.id, acceptAutoAssign: false });
    const widget = await openWidget(node, await createBuyer(db, { shopId: shop.id }));
    const otherWidget = await openWidget(node, await createBuyer(db, { shopId: other.id }));

    const online = waitFor(widget, "availability.changed");
    const agentConsole = await openConsole(node, agent);
    expect(await online).toEqual({ isAgentOnline: true });

    // Events on one connection arrive in order: had the first shop's event reached the other
    // shop's widget, it would come before this one (whose agent does not accept chats).
    const otherFirst = waitFor(otherWidget, "availability.changed");
    await openConsole(node, otherAgent);
    expect(await otherFirst).toEqual({ isAgentOnline: false });

    const offline = waitFor(widget, "availability.changed");
    agentConsole.disconnect();
    expect(await offline).toEqual({ isAgentOnline: false });
  });

  it("WIDGET-4: an online agent switching off accepting chats takes the shop offline at once", async () => {
    const node = await startNode();
    const shop = await createShop(db);
    const agent = await createMember(db, { shopId: shop.id });
    const widget = await openWidget(node, await createBuyer(db, { shopId: shop.id }));
    const online = waitFor(widget, "availability.changed");
    await openConsole(node, agent);
    expect(await online).toEqual({ isAgentOnline: true });

    const offline = waitFor(widget, "availability.changed");
    const actor: MemberContext = await actorFor(db, agent);
    await applyServiceResult(db, await setAcceptAutoAssign(db, { member: actor, accept: false }));
    expect(await offline).toEqual({ isAgentOnline: false });
  });
});

describe("WIDGET-4 the widget context's availability", () => {
  it("WIDGET-4: with no one online, the shop's offline message and no queue figures", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id });
    const { buyer } = await sessionFor(shop.id, { state: "queued", queuedAt: new Date() });
    const { routing } = createTestRouting();
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id }, routing)).availability)
      .toEqual({ isAgentOnline: false, offlineMessage: DEFAULT_OFFLINE_MESSAGE, queuePosition: null, expectedWaitSeconds: null });
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { offlineMessage: "Back Monday at 9." } });
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id }, routing)).availability.offlineMessage).toBe("Back Monday at 9.");
  });

  it("WIDGET-4: a queued buyer's position counts the older queued chats of the shop only; the wait is the median of recent waits", async () => {
    const now = new Date("2026-12-03T10:00:00Z");
    const shop = await createShop(db);
    const other = await createShop(db);
    const agent = await createMember(db, { shopId: shop.id });
    const { routing } = createTestRouting({ online: [agent.id], now });
    const ago = (ms: number) => new Date(now.getTime() - ms);

    // Recent waits of 2, 4 and 9 minutes (median 4); one taken three hours ago does not count.
    for (const [queued, assigned] of [[10, 8], [20, 16], [30, 21], [200, 180]] as const) {
      await sessionFor(shop.id, { state: "ended", queuedAt: ago(queued * MINUTE), assignedAt: ago(assigned * MINUTE), assigneeId: agent.id });
    }
    await sessionFor(other.id, { state: "queued", queuedAt: ago(30 * MINUTE) }); // another shop's queue
    await sessionFor(shop.id, { state: "queued", queuedAt: ago(5 * MINUTE) });
    await sessionFor(shop.id, { state: "queued", queuedAt: ago(3 * MINUTE) });
    const { buyer } = await sessionFor(shop.id, { state: "queued", queuedAt: ago(1 * MINUTE) });
    const { buyer: served } = await sessionFor(shop.id, { state: "open", queuedAt: ago(2 * MINUTE), assignedAt: ago(MINUTE), assigneeId: agent.id });

    const context = await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id }, routing);
    // The open session assigned a minute ago is a recent wait too: waits 1, 2, 4, 9 → median 3 minutes.
    expect(context.availability).toEqual({ isAgentOnline: true, offlineMessage: DEFAULT_OFFLINE_MESSAGE, queuePosition: 3, expectedWaitSeconds: 180 });
    // A buyer being served has no place in the queue.
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: served.id }, routing)).availability).toMatchObject({ isAgentOnline: true, queuePosition: null, expectedWaitSeconds: null });
  });

  it("WIDGET-4: only active members who accept chats count as online", async () => {
    const shop = await createShop(db);
    const paused = await createMember(db, { shopId: shop.id, acceptAutoAssign: false });
    const gone = await createMember(db, { shopId: shop.id, status: "deactivated" });
    const { buyer } = await sessionFor(shop.id, { state: "queued", queuedAt: new Date() });
    const { routing, online } = createTestRouting({ online: [paused.id, gone.id] });
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id }, routing)).availability.isAgentOnline).toBe(false);
    const active = await createMember(db, { shopId: shop.id });
    online.add(active.id);
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id }, routing)).availability).toMatchObject({ isAgentOnline: true, queuePosition: 1, expectedWaitSeconds: null });
  });
});
