// The server of the sockets benchmark, in its own process on 127.0.0.1 and a free port: the
// product's realtime half exactly as `npm start` builds it (HTTP server + createRealtimeServer with
// createProductRealtime: widget token authentication against the database, the widget's rooms,
// the product's default rate limits), one node, presence in memory. Next.js is not started: it
// holds no per-socket state. Started with --expose-gc so that both RSS readings follow a full
// collection (garbage from the handshakes is not counted as memory the sockets hold).
// IPC from the scenario:
//   { type: "gc" }                         → { type: "gc", rss_kb, heap_used_kb, sockets }
//   { type: "heartbeat", shopId, round }   → availability.changed to every widget of the shop
//                                            (WIDGET-4's room), body of nothing but the flag; → { type: "heartbeat" }
//   { type: "broadcast", buyerIds, round } → message.created to each buyer's room through
//                                            publish() (the product's path), its body carrying
//                                            the send time; → { type: "broadcast", sent_at }
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../../src/server/db/client";
import { createProductRealtime } from "../../src/server/realtime/handlers";
import { publish, toWidget, toWidgetShop } from "../../src/server/realtime/publish";
import { createRealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { registerRouting } from "../../src/server/services/assignment/routing-context";
import { createMemoryPresenceStore } from "../../src/server/services/presence/presence-store";
import { createErrorLog, tell } from "./child";

const { DATABASE_URL, AUTH_SECRET, REDIS_URL, POOL_MAX } = process.env;
const errorLog = createErrorLog();
const { log } = errorLog;

const httpServer = createServer();
const db = createPrismaClient(DATABASE_URL!, { max: Number(POOL_MAX ?? 10) });
const routing = { presence: createMemoryPresenceStore({ graceMs: 0, liveTtlMs: 3_600_000 }), now: () => new Date() };
registerRouting(routing);
const product = createProductRealtime({ db, authSecret: AUTH_SECRET!, redisUrl: REDIS_URL || undefined, routing });
const realtime = await createRealtimeServer(httpServer, { ...product.components, log });
registerRealtime(realtime);
// Tens of thousands of sockets: the default backlog (511) would drop connection bursts.
await new Promise<void>((resolve) => httpServer.listen({ port: 0, host: "127.0.0.1", backlog: 4_096 }, resolve));
tell({ type: "ready", port: (httpServer.address() as AddressInfo).port, pid: process.pid });

const gc = (globalThis as { gc?: () => void }).gc;

function rssKb(): number {
  // VmRSS, as the scenario reads it from outside; process.memoryUsage().rss is the same figure.
  return Math.round(process.memoryUsage().rss / 1024);
}

process.on("message", (message: { type?: string; shopId?: string; buyerIds?: string[]; round?: number }) => {
  if (message.type === "gc") {
    // Twice: the first pass may only promote what the second frees.
    gc?.();
    gc?.();
    tell({ type: "gc", rss_kb: rssKb(), heap_used_kb: Math.round(process.memoryUsage().heapUsed / 1024), sockets: realtime.widget.sockets.size, ...errorLog.report() });
  } else if (message.type === "heartbeat") {
    publish([toWidgetShop(message.shopId!, "availability.changed", { isAgentOnline: message.round! % 2 === 0 })]);
    tell({ type: "heartbeat" });
  } else if (message.type === "broadcast") {
    // One stamp before the whole fan-out: a target emitted last pays for the emits before it.
    const sentAt = performance.timeOrigin + performance.now();
    const createdAt = new Date().toISOString();
    publish(message.buyerIds!.map((buyerId, index) => toWidget(buyerId, "message.created", {
      conversationId: buyerId,
      message: {
        id: `bench-${message.round}-${index}`,
        conversationId: buyerId,
        sessionId: null,
        seq: message.round!,
        clientId: null,
        authorType: "agent",
        author: { nickname: "Bench agent", avatarUrl: null },
        kind: "text",
        body: `bench|${sentAt}|${message.round}`,
        payload: null,
        isAutomatic: false,
        createdAt,
      },
    })));
    tell({ type: "broadcast", sent_at: sentAt });
  }
});

let stopping = false;
process.on("SIGTERM", () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  product.stop();
  void Promise.allSettled([realtime.close(), db.$disconnect()]).then(() => process.exit(0));
});
// The scenario died: do not linger.
process.on("disconnect", () => process.exit(0));
