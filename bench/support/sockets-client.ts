// One load process of the sockets benchmark: holds thousands of widget sockets with a raw `ws`
// client speaking Engine.IO 4 / Socket.IO 5 over WebSocket only (no polling, no socket.io-client
// objects), so two cores can drive 20,000+ sockets and still leave the server most of the CPU.
// The protocol, as a browser widget speaks it:
//   ← 0{"sid":…,"pingInterval":…}   (Engine.IO open)
//   → 40/widget,{"token":"…"}       (Socket.IO connect to the namespace, the widget token as auth)
//   ← 40/widget,{"sid":…}           then ← 42/widget,["widget.ready",{…}]
//   ← 2  → 3                        (Engine.IO heartbeat: the server pings, the client answers)
//   ← 42/widget,["availability.changed",…] / ["message.created",…]
// IPC from the scenario:
//   { type: "connect", port, tokens, localAddress, concurrency } → { type: "connected", ready, failed, firstFailures }
//   { type: "expect", round, indices } → { type: "expecting" }; when each of those sockets has the
//     round's message.created → { type: "round-done", round, latencies_ms, missing }
//   { type: "collect" } → the pending round's round-done now, whatever has arrived
//   { type: "heartbeats", count } → { type: "heartbeats", sockets } once every socket has had
//     `count` availability.changed events (or at once with the number that have, when asked again)
//   { type: "close" } → closes every socket → { type: "closed" }
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { tell } from "./child";

interface Held {
  ws: WebSocket;
  ready: boolean;
  heartbeats: number;
}

const held: Held[] = [];
let disconnects = 0;
let pending: { round: number; waiting: Set<number>; latencies: number[] } | null = null;
let heartbeatWait: number | null = null;
/** Sockets that are ready and still open; and, per n, how many have had n heartbeats. */
let live = 0;
const reachedHeartbeats = new Map<number, number>();

const NAMESPACE = "/widget";
const EVENT_PREFIX = `42${NAMESPACE},`;
const BENCH_BODY = /"body":"bench\|([0-9.]+)\|(\d+)"/;

function reportRound(): void {
  if (!pending) return;
  const { round, waiting, latencies } = pending;
  pending = null;
  tell({ type: "round-done", round, latencies_ms: latencies, missing: waiting.size });
}

const heartbeatsReached = (count: number) => reachedHeartbeats.get(count) ?? 0;

function onEvent(index: number, socket: Held, text: string, resolveReady: () => void): void {
  const body = text.slice(EVENT_PREFIX.length);
  if (body.startsWith('["widget.ready"')) {
    socket.ready = true;
    live += 1;
    resolveReady();
  } else if (body.startsWith('["availability.changed"')) {
    socket.heartbeats += 1;
    reachedHeartbeats.set(socket.heartbeats, heartbeatsReached(socket.heartbeats) + 1);
    if (heartbeatWait !== null && socket.heartbeats === heartbeatWait && heartbeatsReached(heartbeatWait) >= live) {
      tell({ type: "heartbeats", sockets: heartbeatsReached(heartbeatWait) });
      heartbeatWait = null;
    }
  } else if (body.startsWith('["message.created"')) {
    const receivedAt = performance.timeOrigin + performance.now();
    const match = BENCH_BODY.exec(body);
    if (!match || !pending || Number(match[2]) !== pending.round || !pending.waiting.delete(index)) return;
    pending.latencies.push(Math.round((receivedAt - Number(match[1])) * 100) / 100);
    if (pending.waiting.size === 0) reportRound();
  }
}

function open(port: number, token: string, localAddress: string, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, { localAddress, perMessageDeflate: false, handshakeTimeout: 30_000 });
    const socket: Held = { ws, ready: false, heartbeats: 0 };
    held[index] = socket;
    let settled = false;
    const timer = setTimeout(() => fail(new Error("no widget.ready within 60 s")), 60_000);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    const ready = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    ws.on("message", (data) => {
      const text = data.toString();
      if (text === "2") ws.send("3");
      else if (text.startsWith("0{")) ws.send(`40${NAMESPACE},${JSON.stringify({ token })}`);
      else if (text.startsWith(EVENT_PREFIX)) onEvent(index, socket, text, ready);
      else if (text.startsWith(`44${NAMESPACE},`)) fail(new Error(`refused: ${text.slice(4 + NAMESPACE.length)}`));
    });
    ws.on("error", (error) => fail(error));
    ws.on("close", () => {
      if (socket.ready) {
        disconnects += 1;
        live -= 1;
      }
      fail(new Error("closed before widget.ready"));
    });
  });
}

async function connectAll(port: number, tokens: string[], localAddress: string, concurrency: number) {
  let next = 0;
  let failed = 0;
  const firstFailures: string[] = [];
  const lane = async () => {
    while (next < tokens.length) {
      const index = next++;
      await open(port, tokens[index]!, localAddress, index).catch((error: Error) => {
        failed += 1;
        if (firstFailures.length < 5) firstFailures.push(error.message);
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { ready: live, failed, firstFailures };
}

process.on("message", (message: { type: string; port?: number; tokens?: string[]; localAddress?: string; concurrency?: number; round?: number; indices?: number[]; count?: number }) => {
  if (message.type === "connect") {
    void connectAll(message.port!, message.tokens!, message.localAddress!, message.concurrency!).then((result) => tell({ type: "connected", ...result }));
  } else if (message.type === "expect") {
    pending = { round: message.round!, waiting: new Set(message.indices!), latencies: [] };
    if (pending.waiting.size === 0) reportRound();
    tell({ type: "expecting" });
  } else if (message.type === "collect") {
    reportRound();
  } else if (message.type === "heartbeats") {
    const reached = heartbeatsReached(message.count!);
    if (reached >= live || heartbeatWait === message.count) {
      heartbeatWait = null;
      tell({ type: "heartbeats", sockets: reached });
    } else {
      heartbeatWait = message.count!;
    }
  } else if (message.type === "stats") {
    tell({ type: "stats", open: live, disconnects });
  } else if (message.type === "close") {
    for (const socket of held) socket?.ws.terminate();
    held.length = 0;
    tell({ type: "closed" });
  }
});
process.on("disconnect", () => process.exit(0));
