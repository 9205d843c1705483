// Composition root (STYLE): one Node process serves Next.js and Socket.IO on one port.
//   1. configuration (zod)            4. demo data when asked (or with the embedded database)
//   2. database: DATABASE_URL or an   5. Next.js (dev with reload, or the production build), behind
//      embedded PostgreSQL               the body limits and security headers (src/server/http)
//                                     6. Socket.IO on the same HTTP server
//   3. pending migrations applied     7. graceful shutdown that stops what it started
//   Operations (docs/operations.md): /healthz, /readyz, /metrics and the request id and log line
//   of every request are served in front of Next.js (src/server/observability).
import { createServer } from "node:http";
import next from "next";
import { parseConfig } from "@/server/config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/db/embedded-postgres";
import { applyMigrations } from "@/server/db/migrate";
import { disconnectDb, getDb } from "@/server/db/client";
import { getAuthSecret } from "@/server/auth/secret";
import { seedDemoShop } from "@/server/seed/demo-shop";
import { createRealtimeServer } from "@/server/realtime/realtime-server";
import { createProductRealtime } from "@/server/realtime/handlers";
import { migrateJobQueue, startJobRunner } from "@/server/jobs/runner";
import { createTranslationEngine } from "@/server/translation/translation-engine";
import { createTranslator, DEFAULT_TRANSLATOR_OPTIONS } from "@/server/translation/translator";
import { registerTranslator } from "@/server/translation/translator-registry";
import { registerRouting } from "@/server/services/assignment/routing-context";
import { waitForDrains } from "@/server/services/assignment/settle";
import { createMemoryPresenceStore, createRedisPresenceStore, DEFAULT_LIVE_TTL_MS } from "@/server/services/presence/presence-store";
import { registerRealtime } from "@/server/realtime/registry";
import { createLogger } from "@/server/logger";
import { wordVectors, wordVectorsStatus } from "@/server/services/faq/word-vectors";
import { createGuardedHandler } from "@/server/http/guarded-handler";
import { createOperations } from "@/server/observability/operations";
import type { RealtimeServer } from "@/server/realtime/realtime-server";

async function main(): Promise<void> {
  const config = parseConfig();
  const log = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const isDev = config.NODE_ENV !== "production";

  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    log.info(`No DATABASE_URL: starting the embedded PostgreSQL in ${config.DATA_DIR}/pg`);
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, log: (line) => log.debug(line) });
    process.env.DATABASE_URL = embedded.url;
  }
  const databaseUrl = process.env.DATABASE_URL!;
  process.env.DATA_DIR = config.DATA_DIR;

  log.info("Applying pending migrations");
  log.debug(await applyMigrations(databaseUrl));
  await migrateJobQueue(databaseUrl);

  const db = getDb();
  const isDemo = config.SEED_DEMO ?? embedded !== undefined;
  process.env.SEED_DEMO = String(isDemo); // the demo store's stand-in sign-in exists only in demo mode
  if (isDemo) {
    const { created } = await seedDemoShop(db);
    log.info(created ? "Seeded the demo shop" : "Demo shop present");
  }

  const authSecret = getAuthSecret();
  // Sign-in works on whatever host the browser used (localhost, 127.0.0.1, a LAN name).
  process.env.AUTH_TRUST_HOST ??= "true";

  const app = next({ dev: isDev, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Issue 15: every body bounded as it arrives and the security headers of each surface, before Next.js.
  const guarded = createGuardedHandler({ handle, isDev, log: (message, error) => log.error(message, error) });
  const live: { realtime?: RealtimeServer } = {}; // the sockets gauge reads it once Socket.IO exists
  const operations = createOperations({
    db,
    log,
    handle: guarded,
    redisUrl: config.REDIS_URL,
    metricsToken: config.METRICS_TOKEN,
    sockets: () => live.realtime && { console: live.realtime.console.sockets.size, widget: live.realtime.widget.sockets.size },
    isAccepting: () => httpServer.listening,
  });
  const httpServer = createServer(operations.handler);
  // ASSIGN-2 presence: shared by every node through Redis when configured.
  const presenceTiming = { graceMs: config.PRESENCE_GRACE_SECONDS * 1000, liveTtlMs: DEFAULT_LIVE_TTL_MS };
  const presence = config.REDIS_URL ? createRedisPresenceStore(config.REDIS_URL, presenceTiming) : createMemoryPresenceStore(presenceTiming);
  const routing = { presence, now: () => new Date() };
  registerRouting(routing);
  const productRealtime = createProductRealtime({ db, authSecret, redisUrl: config.REDIS_URL, routing, presenceGraceMs: presenceTiming.graceMs });
  const realtime = await createRealtimeServer(httpServer, productRealtime.components);
  live.realtime = realtime;
  registerRealtime(realtime);
  const jobs = await startJobRunner({ databaseUrl, db, routing });
  // SET-3: with an engine configured, messages are translated off the request path.
  const engine = createTranslationEngine(config);
  const translator = engine ? createTranslator(db, engine, { ...DEFAULT_TRANSLATOR_OPTIONS, log: (message, error) => log.error(message, error) }) : undefined;
  registerTranslator(translator);
  if (engine) log.info(`Translation: ${engine.name} at ${config.TRANSLATION_URL}`);

  // AUTO-4: the FAQ scorer's word vectors (about a second), before the first buyer message needs them.
  wordVectors();
  const vectorStatus = wordVectorsStatus()!;
  if (vectorStatus.error) log.error("FAQ word vectors did not load: recommendations use the lexical view only", vectorStatus.error);
  else log.info(`FAQ word vectors: ${vectorStatus.words} words in ${vectorStatus.loadMs} ms`);
  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOSTNAME, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log.info(`Counterpart is ready on http://localhost:${port} (${isDev ? "development" : "production"})`);

  // OPS-5: the order matters. Whatever still runs may use the database, Redis and the other
  // nodes; the embedded PostgreSQL goes last, once nothing holds a connection to it.
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info(`${signal}: shutting down`);
    const forceExit = setTimeout(() => {
      log.error("Shutdown took more than 15 s: exiting anyway");
      process.exit(1);
    }, 15_000);
    forceExit.unref();
    const step = async (name: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        log.error(`Shutdown: ${name} failed`, error);
      }
    };
    // 1. Stop accepting: /readyz answers 503 "draining" (the balancer takes the node out), no new
    //    TCP connection or Socket.IO handshake is accepted; requests already received carry on.
    operations.startDraining();
    const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    productRealtime.stop();
    // 2 and 3. Answer the socket commands already taken, then disconnect every socket: clients
    //    reconnect (to another node) and resend what was not acknowledged, with the same clientId.
    await step("draining sockets", async () => {
      const { unansweredCommands } = await realtime.drain({ timeoutMs: 5_000 });
      if (unansweredCommands > 0) log.warn(`Shutdown: ${unansweredCommands} socket commands still running after 5 s; their clients will retry`);
    });
    // HTTP requests in flight finish (bounded); idle keep-alive connections are closed.
    httpServer.closeIdleConnections();
    await Promise.race([httpClosed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    httpServer.closeAllConnections();
    // 4. The job runner: running jobs finish, none is started. Then the queue drains in flight.
    await step("stopping the job runner", () => jobs.stop());
    await step("waiting for queue drains", () => waitForDrains());
    // SET-3: translations under way finish (bounded); their messages are stored either way.
    if (translator) await step("finishing translations", () => Promise.race([translator.idle(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]));
    // 5. Connections: Socket.IO's Redis adapter, the probes', presence, Next.js, the database pool.
    await step("closing Socket.IO", () => realtime.close());
    await step("closing the readiness probes", () => operations.close());
    await step("closing presence", () => presence.close());
    await step("closing Next.js", () => app.close());
    await step("closing the database pool", () => disconnectDb());
    // 6. Last: the embedded PostgreSQL (its own process group, so a terminal's Ctrl-C did not reach it).
    if (embedded) await step("stopping the embedded PostgreSQL", () => embedded.stop());
    log.info("Counterpart stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
