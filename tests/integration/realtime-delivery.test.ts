// CHAT-3 on real sockets: every message reaches every open console of the agents who may see it
// and every open widget of the buyer, in order; a retry never duplicates; after a server
// restart or across nodes (Redis adapter) clients resume from their last sequence number and
// end with exactly the messages sent: nothing lost, nothing duplicated.
import type { Socket } from "socket.io-client";
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, trackRealtime } from "../support/realtime-node";
import type { MessageDto } from "../../src/shared/dto";

const { db, reset } = await useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const { nodes, sockets } = trackRealtime();
beforeEach(reset);

/** A client's view of one conversation: merged by sequence number, like the real UIs. */
class Timeline {
  readonly bySeq = new Map<number, MessageDto>();
  received = 0;
  add(message: MessageDto) {
    this.received += 1;
    this.bySeq.set(message.seq, message);
  }
  get maxSeq() {
    return Math.max(0, ...this.bySeq.keys());
  }
  buyerBodies() {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq).filter((m) => m.authorType === "buyer").map((m) => m.body);
  }
}

/** Follows live events and resyncs from its last seq after every (re)connection (CHAT-3). */
function follow(socket: Socket, timeline: Timeline, options: { readyEvent: string; conversationId?: () => string | null }) {
  socket.on("message.created", (event: { message: MessageDto }) => timeline.add(event.message));
  socket.on(options.readyEvent, async () => {
    const conversationId = options.conversationId?.();
    if (options.conversationId && !conversationId) return;
    const reply = await command<{ messages: MessageDto[] }>(socket, "conversation:sync", { ...(conversationId ? { conversationId } : {}), afterSeq: timeline.maxSeq, limit: 500 }).catch(() => null);
    if (reply?.ok) reply.data.messages.forEach((m) => timeline.add(m));
  });
}

async function soloShop() {
  const shop = await createShop(db);
  // ASSIGN-1: one member, so every session is assigned to them at once.
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" });
  const buyer = await createBuyer(db, { shopId: shop.id });
  return { shop, owner, buyer };
}

async function sendUntilAcked(socket: Socket, clientId: string, body: string): Promise<MessageDto> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const reply = await socket.timeout(2_000).emitWithAck("message:send", { clientId, content: { kind: "text", body } });
      if (reply.ok) return reply.data as MessageDto;
    } catch {
      // Lost acknowledgement or disconnected: retry with the same clientId.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`message ${body} was never acknowledged`);
}

async function eventually(check: () => boolean, timeoutMs = 15_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("realtime delivery (CHAT-3)", () => {
  it("CHAT-3 every tab of the agent and of the buyer receives every message, in order, once", async () => {
    const { owner, buyer } = await soloShop();
    const node = await startRealtimeNode(db);
    nodes.push(node);
    const cookie = await memberCookie(owner);
    const token = widgetToken(buyer);
    const consoles = [connectConsole(node.url, cookie), connectConsole(node.url, cookie)];
    const widgets = [connectWidget(node.url, token), connectWidget(node.url, token)];
    sockets.push(...consoles, ...widgets);
    await Promise.all([...consoles.map((s) => waitFor(s, "console.ready")), ...widgets.map((s) => waitFor(s, "widget.ready"))]);
    const timelines = [...consoles, ...widgets].map((socket) => {
      const timeline = new Timeline();
      socket.on("message.created", (event: { message: MessageDto }) => timeline.add(event.message));
      return timeline;
    });
    const sent: MessageDto[] = [];
    for (let i = 1; i <= 30; i++) sent.push(await sendUntilAcked(widgets[i % 2]!, `order-${i}-xxxxxxxx`, `m${i}`));
    expect(sent.map((m) => m.seq)).toEqual([...sent.map((m) => m.seq)].sort((a, b) => a - b));
    const expected = sent.map((m) => m.body);
    await eventually(() => timelines.every((t) => t.buyerBodies().length === 30));
    for (const timeline of timelines) {
      expect(timeline.buyerBodies()).toEqual(expected);
      // Received live exactly once each (no duplicate deliveries): greeting/system notes aside.
      expect(timeline.received).toBe(timeline.bySeq.size);
    }
  });

  it("CHAT-3 a retry with the same clientId is acknowledged with the stored message and delivered once", async () => {
    const { owner, buyer } = await soloShop();
    const node = await startRealtimeNode(db);
    nodes.push(node);
    const agent = connectConsole(node.url, await memberCookie(owner));
    const widget = connectWidget(node.url, widgetToken(buyer));
    sockets.push(agent, widget);
    await Promise.all([waitFor(agent, "console.ready"), waitFor(widget, "widget.ready")]);
    const received: MessageDto[] = [];
    agent.on("message.created", (event: { message: MessageDto }) => received.push(event.message));
    const payload = { clientId: "retry-same-id-123", content: { kind: "text", body: "only once" } };
    const [first, second] = await Promise.all([command<MessageDto>(widget, "message:send", payload), command<MessageDto>(widget, "message:send", payload)]);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(first.data.id).toBe(second.data.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((m) => m.body === "only once")).toHaveLength(1);
    expect(await db.message.count({ where: { body: "only once" } })).toBe(1);
  });

  it("NF-3 a malformed command gets an error acknowledgement with the field, and the socket lives on", async () => {
    const { buyer } = await soloShop();
    const node = await startRealtimeNode(db);
    nodes.push(node);
    const widget = connectWidget(node.url, widgetToken(buyer));
    sockets.push(widget);
    await waitFor(widget, "widget.ready");
    const bad = await command(widget, "message:send", { clientId: "x", content: { kind: "text", body: "" } });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_INPUT", fieldErrors: { clientId: expect.any(Array), "content.body": expect.any(Array) } } });
    const tooLong = await command(widget, "message:send", { clientId: "long-message-1", content: { kind: "text", body: "x".repeat(4_001) } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    const notAllowed = await command(widget, "message:send", { clientId: "voucher-from-buyer", content: { kind: "voucher_card", voucherId: crypto.randomUUID() } });
    expect(notAllowed).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    const good = await command<MessageDto>(widget, "message:send", { clientId: "after-errors-1", content: { kind: "text", body: "still here" } });
    expect(good.ok).toBe(true);
    expect(await db.message.count({ where: { authorType: "buyer" } })).toBe(1);
  });

  it("NF-3 the widget is rate-limited per buyer with a clear notice, and other buyers are unaffected", async () => {
    const { shop, buyer } = await soloShop();
    const other = await createBuyer(db, { shopId: shop.id });
    const node = await startRealtimeNode(db, { widgetLimits: { message: { limit: 3, windowMs: 60_000 }, command: { limit: 100, windowMs: 60_000 } } });
    nodes.push(node);
    const widget = connectWidget(node.url, widgetToken(buyer));
    const otherWidget = connectWidget(node.url, widgetToken(other));
    sockets.push(widget, otherWidget);
    await Promise.all([waitFor(widget, "widget.ready"), waitFor(otherWidget, "widget.ready")]);
    for (let i = 0; i < 3; i++) expect((await command(widget, "message:send", { clientId: `limited-${i}-xxxx`, content: { kind: "text", body: `${i}` } })).ok).toBe(true);
    const refused = await command(widget, "message:send", { clientId: "limited-4-xxxx", content: { kind: "text", body: "too many" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/too fast/) } });
    expect((await command(otherWidget, "message:send", { clientId: "other-buyer-1", content: { kind: "text", body: "fine" } })).ok).toBe(true);
    expect(await db.message.count({ where: { body: "too many" } })).toBe(0);
  });

  it("CHAT-3 a server restart in the middle of a stream loses nothing and repeats nothing", async () => {
    const { owner, buyer } = await soloShop();
    let node = await startRealtimeNode(db);
    nodes.push(node);
    const port = node.port;
    const agent = connectConsole(node.url, await memberCookie(owner));
    const widget = connectWidget(node.url, widgetToken(buyer));
    sockets.push(agent, widget);
    const agentTimeline = new Timeline();
    let conversationId: string | null = null;
    follow(agent, agentTimeline, { readyEvent: "console.ready", conversationId: () => conversationId });
    await Promise.all([waitFor(agent, "console.ready"), waitFor(widget, "widget.ready")]);

    const total = 60;
    const sending = (async () => {
      for (let i = 1; i <= total; i++) {
        const stored = await sendUntilAcked(widget, `restart-${i}-abcdefgh`, `r${i}`);
        conversationId ??= stored.conversationId;
      }
    })();
    await eventually(() => agentTimeline.buyerBodies().length >= 15);
    await node.stop();
    nodes.length = 0;
    node = await startRealtimeNode(db, { port });
    nodes.push(node);
    await sending;
    await eventually(() => agentTimeline.buyerBodies().length === total);
    expect(agentTimeline.buyerBodies()).toEqual(Array.from({ length: total }, (_, i) => `r${i + 1}`));
    expect(await db.message.count({ where: { authorType: "buyer" } })).toBe(total);
    const seqs = (await db.message.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  }, 60_000);

  it("NF-2 two nodes sharing Redis: a buyer on one node reaches the agent on the other, and back", async () => {
    const { owner, buyer } = await soloShop();
    const nodeA = await startRealtimeNode(db, { redisUrl: REDIS_URL, register: false });
    const nodeB = await startRealtimeNode(db, { redisUrl: REDIS_URL });
    nodes.push(nodeA, nodeB);
    const agent = connectConsole(nodeA.url, await memberCookie(owner));
    const widget = connectWidget(nodeB.url, widgetToken(buyer));
    sockets.push(agent, widget);
    await Promise.all([waitFor(agent, "console.ready"), waitFor(widget, "widget.ready")]);
    const agentSaw = new Timeline();
    const buyerSaw = new Timeline();
    agent.on("message.created", (event: { message: MessageDto }) => agentSaw.add(event.message));
    widget.on("message.created", (event: { message: MessageDto }) => buyerSaw.add(event.message));
    const first = await sendUntilAcked(widget, "two-nodes-buyer-1", "hello from node B");
    await eventually(() => agentSaw.buyerBodies().includes("hello from node B"));
    // The new chat is routed after the buyer's message is acknowledged (in the background): the
    // agent replies once it is theirs, as a person does when "joined the chat" appears.
    await eventually(() => [...agentSaw.bySeq.values()].some((m) => m.authorType === "system" && m.body.endsWith("joined the chat")));
    const reply = await command<MessageDto>(agent, "message:send", { conversationId: first.conversationId, clientId: "two-nodes-agent-1", content: { kind: "text", body: "hello from node A" } });
    expect(reply).toMatchObject({ ok: true });
    await eventually(() => [...buyerSaw.bySeq.values()].some((m) => m.body === "hello from node A"));
  });
});
