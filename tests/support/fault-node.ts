// One app node's realtime half as a process of its own, for the fault tests (NF-2): the product's
// Socket.IO server, commands, Redis adapter and Redis presence with its node heartbeat, exactly as
// server.ts wires them (Next.js aside), so a test can kill it with SIGKILL. Prints one JSON line
// `{ "ready": true, "port", "nodeId" }` once it listens. Run by tests/support/fault-cluster.ts.
import { createServer } from "node:http";
import { createPrismaClient } from "../../src/server/db/client";
import { createProductRealtime } from "../../src/server/realtime/handlers";
import { createRealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { registerRouting } from "../../src/server/services/assignment/routing-context";
import { createRedisPresenceStore, createMemoryPresenceStore, DEFAULT_LIVE_TTL_MS } from "../../src/server/services/presence/presence-store";

const { FAULT_DATABASE_URL, FAULT_REDIS_URL, FAULT_PORT, FAULT_GRACE_MS, FAULT_AUTH_SECRET } = process.env;
const db = createPrismaClient(FAULT_DATABASE_URL!, { max: 10 });
const timing = { graceMs: Number(FAULT_GRACE_MS ?? 0), liveTtlMs: DEFAULT_LIVE_TTL_MS };
const presence = FAULT_REDIS_URL ? createRedisPresenceStore(FAULT_REDIS_URL, timing) : createMemoryPresenceStore(timing);
const routing = { presence, now: () => new Date() };
registerRouting(routing);
// Streams in these tests are faster than any person types; the limits have tests of their own.
const limits = { message: { limit: 100_000, windowMs: 1_000 }, command: { limit: 100_000, windowMs: 1_000 } };
const product = createProductRealtime({ db, authSecret: FAULT_AUTH_SECRET!, redisUrl: FAULT_REDIS_URL, routing, widgetLimits: limits, consoleLimits: limits, presenceGraceMs: timing.graceMs });
const httpServer = createServer();
const realtime = await createRealtimeServer(httpServer, { ...product.components, log: (message, error) => console.error(`[fault-node ${FAULT_PORT}] ${message}`, error instanceof Error ? error.message : (error ?? "")) });
registerRealtime(realtime);
await new Promise<void>((resolve) => httpServer.listen(Number(FAULT_PORT), "127.0.0.1", resolve));
process.stdout.write(JSON.stringify({ ready: true, port: Number(FAULT_PORT), nodeId: presence.nodeId }) + "\n");
process.on("SIGTERM", () => {
  product.stop();
  void realtime.close().finally(() => process.exit(0));
});
