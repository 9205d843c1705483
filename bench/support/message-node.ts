// One server of the message-path benchmark, in its own process, on 127.0.0.1 and a free port.
//   MODE=product:  the product's realtime half (HTTP server + createRealtimeServer with
//                  createProductRealtime: console cookie auth, widget tokens, the widget's
//                  message:send → ingestBuyerMessage → settle → publish), generous widget rate
//                  limits. Next.js is not on the message path, so it is not started.
//   MODE=baseline: a bare Socket.IO relay: one INSERT per message into a simple table of the same
//                  database, then an emit to the agent's room and the acknowledgement.
// Both take REDIS_URL to run behind the Socket.IO Redis adapter (the multi-node configuration);
// the product takes TRANSLATION_URL (an Apertium APY) to translate messages (SET-3).
// Tells the scenario { type: "ready", port } and later { type: "stats", errors, firstErrors }.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { createPrismaClient } from "../../src/server/db/client";
import { createProductRealtime } from "../../src/server/realtime/handlers";
import { createRealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { registerRouting } from "../../src/server/services/assignment/routing-context";
import { createMemoryPresenceStore } from "../../src/server/services/presence/presence-store";
import { createTranslationEngine } from "../../src/server/translation/translation-engine";
import { createTranslator, DEFAULT_TRANSLATOR_OPTIONS } from "../../src/server/translation/translator";
import { registerTranslator } from "../../src/server/translation/translator-registry";
import { createErrorLog, tell } from "./child";

const { MODE, DATABASE_URL, AUTH_SECRET, REDIS_URL, POOL_MAX, TRANSLATION_URL } = process.env;
const poolMax = Number(POOL_MAX ?? 20);
const errorLog = createErrorLog();
const { log } = errorLog;

const httpServer = createServer();
const closers: Array<() => Promise<unknown>> = [];

if (MODE === "product") {
  const db = createPrismaClient(DATABASE_URL!, { max: poolMax });
  // One node: presence in memory, as `npm start` without REDIS_URL (the Redis adapter is still
  // used for rooms when REDIS_URL is given).
  const routing = { presence: createMemoryPresenceStore({ graceMs: 0, liveTtlMs: 3_600_000 }), now: () => new Date() };
  registerRouting(routing);
  const generous = { limit: 1_000_000, windowMs: 1_000 };
  const product = createProductRealtime({ db, authSecret: AUTH_SECRET!, redisUrl: REDIS_URL || undefined, routing, widgetLimits: { message: generous, command: generous }, consoleLimits: { message: generous, command: generous } });
  const realtime = await createRealtimeServer(httpServer, { ...product.components, log });
  registerRealtime(realtime);
  // SET-3 (--translation): messages translated off the request path through Apertium, as server.ts does.
  const engine = TRANSLATION_URL ? createTranslationEngine({ TRANSLATION_ENGINE: "apertium", TRANSLATION_URL, TRANSLATION_TIMEOUT_MS: 5_000 }) : null;
  if (engine) registerTranslator(createTranslator(db, engine, { ...DEFAULT_TRANSLATOR_OPTIONS, log }));
  closers.push(async () => product.stop(), () => realtime.close(), () => db.$disconnect());
} else if (MODE === "baseline") {
  const pool = new pg.Pool({ connectionString: DATABASE_URL!, max: poolMax });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_relay_message (
    id bigserial PRIMARY KEY, client_id text NOT NULL, buyer_id text NOT NULL, agent_id text NOT NULL,
    body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const io = new Server(httpServer, { serveClient: false, transports: ["polling", "websocket"], maxHttpBufferSize: 256 * 1024 });
  if (REDIS_URL) {
    const pub = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closers.push(() => pub.quit(), () => sub.quit());
  }
  const consoleNamespace = io.of("/console");
  consoleNamespace.on("connection", async (socket) => {
    await socket.join(`agent:${String(socket.handshake.auth.agentId)}`);
    socket.emit("console.ready", {});
  });
  io.of("/widget").on("connection", (socket) => {
    const buyerId = String(socket.handshake.auth.buyerId);
    const agentId = String(socket.handshake.auth.agentId);
    socket.on("message:send", async (payload: { clientId: string; content: { body: string } }, ack: (reply: unknown) => void) => {
      try {
        const { rows } = await pool.query<{ id: string; created_at: Date }>(
          "INSERT INTO bench_relay_message (client_id, buyer_id, agent_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at",
          [payload.clientId, buyerId, agentId, payload.content.body],
        );
        const message = { id: rows[0]!.id, clientId: payload.clientId, body: payload.content.body, createdAt: rows[0]!.created_at.toISOString() };
        consoleNamespace.to(`agent:${agentId}`).emit("message.created", { conversationId: buyerId, message });
        ack({ ok: true, data: message });
      } catch (error) {
        log("relay insert failed", error);
        ack({ ok: false, error: { code: "INTERNAL", message: "insert failed" } });
      }
    });
    socket.emit("widget.ready", {});
  });
  closers.push(() => new Promise((resolve) => io.close(() => resolve(undefined))), () => pool.end());
} else {
  throw new Error(`MODE must be product or baseline, not ${MODE}`);
}

await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
tell({ type: "ready", port: (httpServer.address() as AddressInfo).port });

process.on("message", (message: { type?: string }) => {
  if (message.type === "stats") tell({ type: "stats", ...errorLog.report() });
});

let stopping = false;
process.on("SIGTERM", () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
});
// The scenario died: do not linger.
process.on("disconnect", () => process.exit(0));
