// NF-3, issue 15 item 8: every socket command of both namespaces (enumerated from the shared
// contract, src/shared/commands.ts) and events nobody declared, with hostile, malformed and
// boundary payloads on a real server (port 0) and real socket.io clients: every call with an
// acknowledgement gets exactly one, never INTERNAL, and the server still serves afterwards.
// Seeds and replay: tests/support/fuzz/run-options.ts and docs/security.md ("Input validation and fuzzing").
import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, type NamespaceName } from "../../src/shared/commands";
import type { Ack } from "../../src/shared/events";
import { callsFor, unknownCalls, type SocketCall } from "../support/fuzz/socket-inputs";
import { fuzzRunOptions } from "../support/fuzz/run-options";
import { seedFuzzShop, type FuzzShop } from "../support/fuzz/seed";
import { connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, type RealtimeNode } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";

const RUNS_PER_COMMAND = 30;
const ACK_TIMEOUT_MS = 5_000;
/** Bounded by the run count; the margin is for a loaded machine, not for slow inputs. */
const FUZZ_TEST_TIMEOUT_MS = 120_000;

const { db } = await useTestDatabase();
let node: RealtimeNode;
let shop: FuzzShop;
const sockets: Partial<Record<NamespaceName, Socket>> = {};
/** Acknowledgement packets received per namespace, counted below the client's ack registry. */
const ackPackets: Record<NamespaceName, number> = { console: 0, widget: 0 };
const acksAwaited: Record<NamespaceName, number> = { console: 0, widget: 0 };

beforeAll(async () => {
  shop = await seedFuzzShop(db);
  node = await startRealtimeNode(db);
  const consoleSocket = connectConsole(node.url, await memberCookie(shop.owner), { reconnection: false });
  const widgetSocket = connectWidget(node.url, widgetToken(shop.buyer), { reconnection: false });
  sockets.console = consoleSocket;
  sockets.widget = widgetSocket;
  for (const [namespace, socket] of [["console", consoleSocket], ["widget", widgetSocket]] as const) {
    // socket.io-client's manager emits every decoded packet; type 3 is an ACK.
    socket.io.on("packet", (packet: { type: number; nsp: string }) => {
      if (packet.type === 3 && packet.nsp === `/${namespace}`) ackPackets[namespace] += 1;
    });
  }
  await Promise.all([waitFor(consoleSocket, "console.ready"), waitFor(widgetSocket, "widget.ready")]);
});

afterAll(async () => {
  Object.values(sockets).forEach((socket) => socket?.disconnect());
  await node?.stop();
});

/** Sends one call; resolves with the acknowledgement, or null when none was asked for. */
async function send(namespace: NamespaceName, call: SocketCall): Promise<Ack<unknown> | null> {
  const socket = sockets[namespace]!;
  if (!socket.connected) throw new Error(`the ${namespace} socket was disconnected (by ${JSON.stringify(call.event).slice(0, 80)})`);
  if (!call.withAck) {
    socket.emit(call.event, ...call.args);
    return null;
  }
  acksAwaited[namespace] += 1;
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(call.event, ...call.args)) as Ack<unknown>;
  } catch {
    throw new Error(`${namespace} ${JSON.stringify(call.event).slice(0, 80)} was never acknowledged within ${ACK_TIMEOUT_MS} ms`);
  }
}

function assertAnswered(namespace: NamespaceName, call: SocketCall, ack: Ack<unknown> | null): void {
  if (!call.withAck) return;
  const where = `${namespace} ${JSON.stringify(call.event).slice(0, 80)}`;
  if (!ack || typeof ack !== "object" || typeof ack.ok !== "boolean") throw new Error(`${where} answered a malformed acknowledgement: ${JSON.stringify(ack)?.slice(0, 200)}`);
  if (!ack.ok && ack.error.code === "INTERNAL") throw new Error(`${where} answered INTERNAL: ${ack.error.message}`);
}

/** Every ack packet that will come has come once a later ping is answered: then compare counts. */
async function expectOneAckPerCall(namespace: NamespaceName) {
  const ping = await send(namespace, { event: "presence:ping", args: [], withAck: true });
  expect(ping?.ok).toBe(true);
  expect(ackPackets[namespace], `${namespace}: acknowledgement packets vs calls that asked for one`).toBe(acksAwaited[namespace]);
}

// The widget first: the console's fuzzing may block the buyer or end the chat.
for (const namespace of ["widget", "console"] as const) {
  describe(`NF-3 fuzz: every ${namespace} socket command`, () => {
    const pools = () => ({ ids: shop.ids, idsByNoun: shop.idsByNoun });
    for (const [event, spec] of Object.entries(COMMANDS[namespace])) {
      const title = `NF-3 fuzz ${namespace} ${event}: one acknowledgement per call, never INTERNAL`;
      it(title, async () => {
        await fc.assert(
          fc.asyncProperty(fc.constant(null).chain(() => callsFor(event, spec.input, pools())), async (call) => {
            assertAnswered(namespace, call, await send(namespace, call));
          }),
          fuzzRunOptions(title, RUNS_PER_COMMAND),
        );
        await expectOneAckPerCall(namespace);
      }, FUZZ_TEST_TIMEOUT_MS);
    }

    it(`NF-3 fuzz ${namespace}: events nobody declared are answered once with BAD_INPUT`, async () => {
      const title = `NF-3 fuzz ${namespace} unknown events`;
      await fc.assert(
        fc.asyncProperty(unknownCalls, async (call) => {
          const ack = await send(namespace, call);
          assertAnswered(namespace, call, ack);
          expect(ack?.ok).toBe(false);
        }),
        fuzzRunOptions(title, RUNS_PER_COMMAND),
      );
      await expectOneAckPerCall(namespace);
    }, FUZZ_TEST_TIMEOUT_MS);
  });
}

describe("NF-3 fuzz: the server still serves", () => {
  it("NF-3 after the fuzzing both namespaces answer, and a new connection syncs its messages", async () => {
    for (const namespace of ["console", "widget"] as const) {
      expect(sockets[namespace]!.connected, `${namespace} socket still connected`).toBe(true);
      expect((await send(namespace, { event: "presence:ping", args: [{}], withAck: true }))?.ok).toBe(true);
    }
    const fresh = connectConsole(node.url, await memberCookie(shop.owner), { reconnection: false });
    try {
      await waitFor(fresh, "console.ready");
      const reply = (await fresh.timeout(ACK_TIMEOUT_MS).emitWithAck("conversation:sync", { conversationId: shop.conversationId, afterSeq: 0 })) as Ack<{ messages: unknown[] }>;
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
    } finally {
      fresh.disconnect();
    }
  });
});
