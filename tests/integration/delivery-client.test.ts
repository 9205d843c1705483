// CHAT-3 with the shared delivery client (src/client/delivery) over real sockets: the console's
// and the widget's client, driven in Node by a real socket.io-client against the product's
// realtime server on port 0.
//
// The first test is the issue-9 race: the console resumes after a drop with a paged sync, and a
// live message written after the gap arrives while the first sync page is on its way. The old
// console hook (use-thread.ts before issue 9) continued after the highest seq it held
// (`maxSeq`), so the next page started after the live message and the messages in between were
// skipped for good. Verified: with `requestSync` in src/client/delivery/machine.ts changed to ask
// `afterSeq: lastSeq(messages)` (the old rule), this test fails with the three messages after the
// first page missing; with the gap-free rule (`contiguousSeq`) it passes.
import type { Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeliveryClient, type DeliveryTransport } from "../../src/client/delivery/client";
import { bindConsoleDelivery, bindWidgetDelivery, consoleTransport, widgetTransport } from "../../src/client/delivery/socket-adapter";
import { asTypedSocket } from "../../src/client/socket/typed-socket";
import type { DeliveryAck, DeliveryCommand, DeliveryState } from "../../src/client/delivery/types";
import type { MessageDto } from "../../src/shared/dto";
import { newClientId } from "../../src/shared/message-schemas";
import { createBuyer, createMember, createShop } from "../factories";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, type RealtimeNode } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";
import type { WidgetLimits } from "../../src/server/realtime/handlers";

const { db, reset } = await useTestDatabase();
let nodes: RealtimeNode[] = [];
let sockets: Socket[] = [];
let clients: DeliveryClient[] = [];
beforeEach(reset);
afterEach(async () => {
  clients.forEach((client) => client.stop());
  sockets.forEach((socket) => socket.disconnect());
  await Promise.all(nodes.map((node) => node.stop().catch(() => undefined)));
  [nodes, sockets, clients] = [[], [], []];
});

/** Passes commands through, but can hold the answer to the next `conversation:sync` until released. */
class GatedTransport implements DeliveryTransport {
  private gate: { onHeld: () => void; released: Promise<void>; release: () => void } | null = null;

  constructor(private readonly inner: DeliveryTransport) {}

  /** Resolves once the next sync's answer is in hand and held back. */
  holdNextSync(): { held: Promise<void>; release: () => void } {
    let onHeld!: () => void;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (onHeld = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.gate = { onHeld, released, release };
    return { held, release };
  }

  async send(sent: DeliveryCommand, timeoutMs: number): Promise<DeliveryAck> {
    const ack = await this.inner.send(sent, timeoutMs);
    const gate = this.gate;
    if (sent.name === "conversation:sync" && gate) {
      this.gate = null;
      gate.onHeld();
      await gate.released;
    }
    return ack;
  }
}

/** Resolves when the client's state satisfies `check` (checked on every change). */
function until(client: DeliveryClient, check: (state: DeliveryState) => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check(client.getState())) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`condition not reached; holding seqs ${client.getState().messages.map((m) => m.seq).join(",")}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe(() => {
      if (!check(client.getState())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

const isSettled = (state: DeliveryState) => state.isOnline && state.isLoaded && state.inFlight.length === 0 && !state.isSyncDue && state.pending.length === 0;

async function conversationSeqs(conversationId: string): Promise<number[]> {
  return (await db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((m) => m.seq);
}

async function say(widget: Socket, body: string): Promise<MessageDto> {
  const reply = await command<MessageDto>(widget, "message:send", { clientId: newClientId(), content: { kind: "text", body } });
  if (!reply.ok) throw new Error(`${body}: ${reply.error.message}`);
  return reply.data;
}

async function soloShop(widgetLimits?: WidgetLimits) {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" });
  const buyer = await createBuyer(db, { shopId: shop.id });
  const node = await startRealtimeNode(db, widgetLimits ? { widgetLimits } : {});
  nodes.push(node);
  return { shop, owner, buyer, node };
}

describe("CHAT-3 the shared delivery client on real sockets (issue 9)", () => {
  it("CHAT-3 issue-9: a console's paged sync and a live message racing across a gap end with every message once, in order", async () => {
    const { owner, buyer, node } = await soloShop();
    const agent = connectConsole(node.url, await memberCookie(owner));
    const widget = connectWidget(node.url, widgetToken(buyer));
    sockets.push(agent, widget);
    await Promise.all([waitFor(agent, "console.ready"), waitFor(widget, "widget.ready")]);
    const { conversationId } = await say(widget, "hello");

    const transport = new GatedTransport(consoleTransport(asTypedSocket("console", agent), conversationId));
    const client = new DeliveryClient({ transport, newClientId, config: { syncPage: 2 } });
    clients.push(client);
    bindConsoleDelivery(client, asTypedSocket("console", agent), conversationId, true);
    await until(client, isSettled);
    // The chat's assignment note and greeting are published after the drain that follows "hello":
    // settled can come first, so wait until the client holds everything the conversation has.
    await vi.waitFor(async () => expect(client.getState().messages.map((m) => m.seq)).toEqual(await conversationSeqs(conversationId)), { timeout: 10_000 });
    const heldBefore = client.getState().messages.length;

    // The console drops; the buyer writes five messages meanwhile.
    const reconnected = () => waitFor(agent, "console.ready");
    agent.disconnect();
    await until(client, (state) => !state.isOnline);
    for (let i = 1; i <= 5; i++) await say(widget, `while away ${i}`);

    // Back: the first sync page is held until a message written after the gap has arrived live.
    const gate = transport.holdNextSync();
    const ready = reconnected();
    agent.connect();
    await ready;
    await gate.held;
    const late = await say(widget, "after the gap");
    await until(client, (state) => state.messages.some((m) => m.seq === late.seq));
    gate.release();

    await until(client, isSettled);
    const held = client.getState().messages.map((m) => m.seq);
    expect(held).toEqual(await conversationSeqs(conversationId));
    expect(held.length).toBeGreaterThanOrEqual(heldBefore + 6);
  });

  it("NF-3 CHAT-3 a widget's rate-limited send fails with the server's words, and Retry after the wait stores it once with the same client id", async () => {
    const { buyer, node } = await soloShop({ message: { limit: 2, windowMs: 1_000 }, command: { limit: 1_000, windowMs: 1_000 } });
    const widget = connectWidget(node.url, widgetToken(buyer));
    sockets.push(widget);
    const notices: string[] = [];
    const client = new DeliveryClient({ transport: widgetTransport(asTypedSocket("widget", widget)), newClientId, onNotice: (code, message) => notices.push(`${code}: ${message}`) });
    clients.push(client);
    bindWidgetDelivery(client, asTypedSocket("widget", widget));
    await until(client, (state) => state.isOnline && state.isLoaded);

    const sent = ["one", "two", "three"].map((body) => client.send({ kind: "text", body }, { kind: "text", body }));
    await Promise.all(sent.slice(0, 2));
    await until(client, (state) => state.pending.some((item) => item.status === "failed"));
    const [refused] = client.getState().pending;
    expect(refused).toMatchObject({ status: "failed", canRetry: true, error: expect.stringMatching(/too fast/) });
    expect(notices).toEqual([expect.stringMatching(/^RATE_LIMITED: .*Try again in 1 s/)]);

    // Retry at once: held until the wait is over, then sent with the same client id.
    client.retry(refused!.clientId);
    const stored = await sent[2]!;
    expect(stored.clientId).toBe(refused!.clientId);
    await until(client, isSettled);
    const rows = await db.message.findMany({ where: { authorType: "buyer" }, orderBy: { seq: "asc" }, select: { body: true, clientId: true } });
    expect(rows.map((row) => row.body)).toEqual(["one", "two", "three"]);
    expect(client.getState().messages.filter((m) => m.authorType === "buyer").map((m) => m.body)).toEqual(["one", "two", "three"]);
  });
});
