// Issue 9 item 6 and issue 15 on real sockets: the wire's limits answer instead of dropping the
// connection, every command (unknown ones and presence:ping included) is answered exactly once,
// console commands are throttled per member, and every command of the shared map is bound.
import { io as connect, type Socket } from "socket.io-client";
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, trackRealtime } from "../support/realtime-node";
import { asTypedSocket, send } from "../../src/client/socket/typed-socket";
import { boundCommandNames } from "../../src/server/realtime/commands";
import { consoleCommands } from "../../src/server/realtime/handlers/console-commands";
import { widgetCommands } from "../../src/server/realtime/handlers/widget-commands";
import { COMMANDS, MAX_COMMAND_BYTES, MAX_TRANSPORT_BYTES, type NamespaceName } from "../../src/shared/commands";

const { db, reset } = await useTestDatabase();
const { nodes, sockets } = trackRealtime();
beforeEach(reset);

async function setUp(options: Parameters<typeof startRealtimeNode>[1] = {}) {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Owner" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent", nickname: "Agent" });
  const buyer = await createBuyer(db, { shopId: shop.id });
  const node = await startRealtimeNode(db, options);
  nodes.push(node);
  return { shop, owner, agent, buyer, node };
}

/** Sockets to the same host share one connection: acks are told apart by namespace. */
const namespaces = new WeakMap<Socket, string>();

async function open(socket: Socket, ready: "console.ready" | "widget.ready"): Promise<Socket> {
  sockets.push(socket);
  namespaces.set(socket, ready === "console.ready" ? "/console" : "/widget");
  await waitFor(socket, ready);
  return socket;
}

/** Counts the acknowledgement packets the client receives, per ack id: "exactly once" is checked on the wire. */
function countAcks(socket: Socket): Map<number, number> {
  const counts = new Map<number, number>();
  const namespace = namespaces.get(socket);
  socket.io.on("packet", (packet: { type: number; id?: number; nsp: string }) => {
    if (packet.type === 3 && packet.id !== undefined && packet.nsp === namespace) counts.set(packet.id, (counts.get(packet.id) ?? 0) + 1);
  });
  return counts;
}

/** Emits with a raw argument list (what a hostile or buggy client can send) and awaits the ack. */
function emitRaw(socket: Socket, event: string, ...args: unknown[]): Promise<unknown> {
  return socket.timeout(10_000).emitWithAck(event, ...args);
}

describe("the wire's limits and acknowledgements (issue 9, issue 15)", () => {
  it("issue 9: an unknown command is answered once with BAD_INPUT, on both namespaces, and the socket lives on", async () => {
    const { owner, buyer, node } = await setUp();
    const agent = await open(connectConsole(node.url, await memberCookie(owner)), "console.ready");
    const widget = await open(connectWidget(node.url, widgetToken(buyer)), "widget.ready");
    for (const socket of [agent, widget]) {
      const acks = countAcks(socket);
      expect(await command(socket, "session:delete", { sessionId: crypto.randomUUID() })).toEqual({
        ok: false,
        error: { code: "BAD_INPUT", message: 'Unknown command "session:delete".' },
      });
      expect(await emitRaw(socket, "no-payload")).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
      expect(await emitRaw(socket, "toString", {})).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
      expect(await emitRaw(socket, "x".repeat(500), {})).toMatchObject({ ok: false, error: { code: "BAD_INPUT", message: `Unknown command "${"x".repeat(64)}".` } });
      expect([...acks.values()]).toEqual([1, 1, 1, 1]);
      expect(socket.connected).toBe(true);
    }
    // The console's own command still works after the unknown ones.
    expect(await command(agent, "presence:ping", {})).toMatchObject({ ok: true });
  });

  it("issue 15: presence:ping answers with and without a payload on both namespaces; a payload that is not an object is BAD_INPUT", async () => {
    const { owner, buyer, node } = await setUp();
    const agent = await open(connectConsole(node.url, await memberCookie(owner)), "console.ready");
    const widget = await open(connectWidget(node.url, widgetToken(buyer)), "widget.ready");
    for (const socket of [agent, widget]) {
      const acks = countAcks(socket);
      const withPayload = await emitRaw(socket, "presence:ping", {});
      const withoutPayload = await emitRaw(socket, "presence:ping");
      const withExtraKeys = await emitRaw(socket, "presence:ping", { at: 1 });
      for (const reply of [withPayload, withoutPayload, withExtraKeys]) {
        expect(reply).toEqual({ ok: true, data: { serverTime: expect.any(String) } });
        expect(Number.isNaN(Date.parse((reply as { data: { serverTime: string } }).data.serverTime))).toBe(false);
      }
      expect(await emitRaw(socket, "presence:ping", "ping")).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
      expect([...acks.values()]).toEqual([1, 1, 1, 1]);
    }
    // The typed client helper sends it too.
    expect(await send(asTypedSocket("console", agent), "presence:ping", {})).toMatchObject({ ok: true });
    expect(await send(asTypedSocket("widget", widget), "presence:ping", {})).toMatchObject({ ok: true });
  });

  it(`issue 9: a command over ${MAX_COMMAND_BYTES / 1024} KiB is answered BAD_INPUT and the socket stays connected (websocket and polling)`, async () => {
    const { owner, buyer, node } = await setUp();
    const agent = await open(connectConsole(node.url, await memberCookie(owner)), "console.ready");
    const polling = await open(connect(`${node.url}/widget`, { auth: { token: widgetToken(buyer) }, transports: ["polling"] }), "widget.ready");
    const body = "x".repeat(MAX_COMMAND_BYTES);
    for (const socket of [agent, polling]) {
      let disconnects = 0;
      socket.on("disconnect", () => (disconnects += 1));
      const acks = countAcks(socket);
      const reply = await command(socket, "message:send", { conversationId: crypto.randomUUID(), clientId: "too-large-1", content: { kind: "text", body } });
      expect(reply).toEqual({ ok: false, error: { code: "BAD_INPUT", message: `This command is too large: at most ${MAX_COMMAND_BYTES / 1024} KiB.` } });
      expect(await command(socket, "presence:ping", {})).toMatchObject({ ok: true });
      expect([...acks.values()]).toEqual([1, 1]);
      expect(disconnects).toBe(0);
    }
    // Just under the limit is parsed and validated as usual (here: too long a text).
    const under = "x".repeat(MAX_COMMAND_BYTES - 200);
    expect(await command(polling, "message:send", { clientId: "almost-too-large", content: { kind: "text", body: under } })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { "content.body": expect.any(Array) } },
    });
    // The typed helper refuses it without a round trip, with the same code.
    expect(await send(asTypedSocket("widget", polling), "message:send", { clientId: "too-large-2", content: { kind: "text", body } })).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
  });

  it("issue 9: binary attachments, one or more than 10, are answered BAD_INPUT and the socket stays connected", async () => {
    const { buyer, owner, node } = await setUp();
    // The console first: a second io() to the same host shares the first one's connection and headers.
    const agent = await open(connectConsole(node.url, await memberCookie(owner)), "console.ready");
    const widget = await open(connectWidget(node.url, widgetToken(buyer)), "widget.ready");
    for (const socket of [widget, agent]) {
      let disconnects = 0;
      socket.on("disconnect", () => (disconnects += 1));
      const acks = countAcks(socket);
      const eleven = Array.from({ length: 11 }, (_, index) => Buffer.alloc(1024, index));
      const many = await emitRaw(socket, "message:send", { clientId: "binary-many-1", files: eleven });
      const one = await emitRaw(socket, "message:send", { clientId: "binary-one-1", content: { kind: "text", body: Buffer.from("hi") } });
      const unknown = await emitRaw(socket, "not-a-command", Buffer.alloc(10));
      for (const reply of [many, one, unknown]) {
        expect(reply).toEqual({ ok: false, error: { code: "BAD_INPUT", message: "Commands take JSON only: send files with the upload endpoint, not over the socket." } });
      }
      expect(await command(socket, "presence:ping", {})).toMatchObject({ ok: true });
      expect([...acks.values()]).toEqual([1, 1, 1, 1]);
      expect(disconnects).toBe(0);
    }
    expect(await db.message.count()).toBe(0);
  });

  it(`issue 9: a packet over the transport's ${MAX_TRANSPORT_BYTES / 1024 / 1024} MiB closes the connection (documented), and the client reconnects and is served`, async () => {
    const { buyer, node } = await setUp();
    const token = widgetToken(buyer);
    const transports = { websocket: "transport close", polling: "transport error" } as const;
    for (const [transport, reason] of Object.entries(transports)) {
      const widget = await open(connect(`${node.url}/widget`, { auth: { token }, transports: [transport], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 200 }), "widget.ready");
      const disconnected = new Promise<string>((resolve) => widget.once("disconnect", resolve));
      widget.emit("message:send", { clientId: "way-too-large", content: { kind: "text", body: "x".repeat(MAX_TRANSPORT_BYTES + 1) } }, () => {
        throw new Error("a packet over the transport limit is never acknowledged");
      });
      expect(await disconnected, transport).toBe(reason);
      await waitFor(widget, "widget.ready");
      expect(await command(widget, "presence:ping", {})).toMatchObject({ ok: true });
    }
    expect(await db.message.count()).toBe(0);
  });

  it("issue 15: console commands are throttled per member with RATE_LIMITED and a wait; other members are unaffected", async () => {
    const { owner, agent, node } = await setUp({ consoleLimits: { message: { limit: 2, windowMs: 60_000 }, command: { limit: 3, windowMs: 60_000 } } });
    const ownerCookie = await memberCookie(owner);
    // Two tabs of the same member share the budget.
    const tabs = [await open(connectConsole(node.url, ownerCookie), "console.ready"), await open(connectConsole(node.url, ownerCookie), "console.ready")];
    const other = await open(connectConsole(node.url, await memberCookie(agent)), "console.ready");
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await command(tabs[i % 2]!, "presence:ping", {}));
    expect(replies.slice(0, 3).every((reply) => reply.ok)).toBe(true);
    expect(replies[3]).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/^You are going too fast\. Try again in \d+ s\.$/) } });
    // Unknown commands count too, and are refused by the limit first.
    expect(await command(tabs[0]!, "nonsense", {})).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // message:send has its own budget.
    const send = (clientId: string) => command(tabs[0]!, "message:send", { conversationId: crypto.randomUUID(), clientId, content: { kind: "text", body: "hi" } });
    expect(await send("limited-send-1")).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await send("limited-send-2")).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await send("limited-send-3")).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(await command(other, "presence:ping", {})).toMatchObject({ ok: true });
    expect(tabs.every((tab) => tab.connected)).toBe(true);
  });

  it("issue 9: every command of the shared map is bound on the server, and nothing else", async () => {
    expect(boundCommandNames(consoleCommands)).toEqual(Object.keys(COMMANDS.console).sort());
    expect(boundCommandNames(widgetCommands)).toEqual(Object.keys(COMMANDS.widget).sort());
    // On the wire: each declared command reaches its input validation (not "Unknown command"),
    // answered once. The owner holds every permission.
    const { owner, buyer, node } = await setUp();
    const sockets: Record<NamespaceName, Socket> = {
      console: await open(connectConsole(node.url, await memberCookie(owner)), "console.ready"),
      widget: await open(connectWidget(node.url, widgetToken(buyer)), "widget.ready"),
    };
    for (const namespace of ["console", "widget"] as const) {
      const socket = sockets[namespace];
      const acks = countAcks(socket);
      const names = Object.keys(COMMANDS[namespace]);
      for (const name of names) {
        expect(await emitRaw(socket, name, "not an object"), `${namespace} ${name}`).toEqual({
          ok: false,
          error: { code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: { _: expect.any(Array) } },
        });
      }
      expect([...acks.values()]).toEqual(names.map(() => 1));
    }
  });
});
