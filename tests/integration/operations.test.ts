// Issue 14, item 4 on a real PostgreSQL: /healthz, /readyz, /metrics, request ids and the log
// lines of requests (docs/operations.md). The operational layer is the one server.ts builds
// (createOperations); a small handler stands in for Next.js behind it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../src/server/db/client";
import { findFreePort } from "../../src/server/db/free-port";
import { createLogger } from "../../src/server/logger";
import { createOperations, type Operations } from "../../src/server/observability/operations";
import { noteRequestShop } from "../../src/server/observability/request-context";
import { requestDrain, waitForDrains } from "../../src/server/services/assignment/settle";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { command, connectWidget, startRealtimeNode, waitFor, widgetToken } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const ROOT = path.resolve(import.meta.dirname, "../..");
const METRICS_TOKEN = "metrics-token-for-the-tests-0123456789";

interface Running {
  base: string;
  operations: Operations;
  logLines: () => Array<Record<string, unknown>>;
  logText: () => string;
  stop(): Promise<void>;
}

const running: Running[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
});

/** What stands in for Next.js: a route that learns its shop, and one that reads a body. */
function standInForNext(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname.startsWith("/api/console/conversations/")) noteRequestShop("11111111-1111-4111-8111-111111111111");
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`next saw ${body.length} bytes`);
  });
}

async function start(options: { db?: Database; metricsToken?: string; sockets?: () => { console: number; widget: number } } = {}): Promise<Running> {
  let output = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString("utf8");
      callback();
    },
  });
  const log = createLogger("debug", { format: "json", destination });
  const holder: { server?: Server } = {};
  const operations = createOperations({
    db: options.db ?? db,
    log,
    handle: standInForNext,
    metricsToken: options.metricsToken,
    sockets: options.sockets ?? (() => ({ console: 2, widget: 5 })),
    isAccepting: () => holder.server?.listening ?? false,
    rootDir: ROOT,
  });
  const server = (holder.server = createServer(operations.handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const entry: Running = {
    base: `http://127.0.0.1:${port}`,
    operations,
    logText: () => output,
    logLines: () => output.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      running.splice(running.indexOf(entry), 1);
      await operations.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  running.push(entry);
  return entry;
}

/** The log line of a request once its response closed (the line is written on close). */
async function requestLine(app: Running, reqId: string): Promise<Record<string, unknown>> {
  await expect.poll(() => app.logLines().some((line) => line.reqId === reqId && line.msg === "request")).toBe(true);
  return app.logLines().find((line) => line.reqId === reqId && line.msg === "request")!;
}

describe("health and readiness (OPS-1, OPS-2)", () => {
  it("OPS-1 /healthz answers 200 while the process runs, whatever the database does", async () => {
    const unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${await findFreePort()}/nothing`);
    const app = await start({ db: unreachable });
    const response = await fetch(`${app.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    // The API surface's security headers, as on every response (docs/security.md).
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    await app.stop();
    await unreachable.$disconnect();
  });

  it("OPS-2 /readyz is 200 ready with every check when the database is migrated; Redis is not_configured", async () => {
    const app = await start();
    const response = await fetch(`${app.base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", redis: "not_configured", migrations: "ok", sockets: "ok" } });
    await app.stop();
  });

  it("OPS-2 /readyz is 503 naming the database (and so the migrations) when PostgreSQL is unreachable", async () => {
    const unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${await findFreePort()}/nothing`);
    const app = await start({ db: unreachable });
    const response = await fetch(`${app.base}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string>; failing: string[] };
    expect(body.status).toBe("not_ready");
    expect(body.checks.database).toBe("failing");
    expect(body.failing).toContain("database");
    await app.stop();
    await unreachable.$disconnect();
  });

  it("OPS-2 /readyz is 503 with the pending migration when the database lacks one the build ships", async () => {
    const [latest] = await db.$queryRaw<Array<{ migration_name: string }>>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${latest!.migration_name}`;
    try {
      const app = await start();
      const response = await fetch(`${app.base}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "not_ready", checks: { database: "ok", migrations: "failing" }, failing: ["migrations"], pendingMigrations: [latest!.migration_name] });
      await app.stop();
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${latest!.migration_name}`;
    }
  });

  it("OPS-2 /readyz answers 503 draining once the shutdown began, while /healthz still answers", async () => {
    const app = await start();
    app.operations.startDraining();
    const response = await fetch(`${app.base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "draining", checks: { database: "ok" } });
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    await app.stop();
  });
});

describe("metrics (OPS-3)", () => {
  it("OPS-3 /metrics answers 404 when no METRICS_TOKEN is configured", async () => {
    const app = await start();
    expect((await fetch(`${app.base}/metrics`)).status).toBe(404);
    expect((await fetch(`${app.base}/metrics`, { headers: { authorization: "Bearer anything-at-all-here" } })).status).toBe(404);
    await app.stop();
  });

  it("OPS-3 /metrics answers 401 without the bearer token or with a wrong one", async () => {
    const app = await start({ metricsToken: METRICS_TOKEN });
    expect((await fetch(`${app.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${app.base}/metrics`, { headers: { authorization: METRICS_TOKEN } })).status).toBe(401);
    await app.stop();
  });

  it("OPS-3 /metrics exposes queue length per shop, assignment latency, ingest latency, sockets, job backlog, event-loop lag and HTTP latency by route pattern", async () => {
    const shop = await createShop(db);
    const quiet = await createShop(db, { name: "No queue" });
    await createMember(db, { shopId: quiet.id, role: "owner", nickname: "Quiet" });
    await createMember(db, { shopId: shop.id, role: "owner", nickname: "Busy" });
    await createMember(db, { shopId: shop.id, nickname: "Ava", acceptAutoAssign: false });
    // Two buyers write; nobody is online in a two-member shop, so both sessions stay queued.
    for (const index of [0, 1]) {
      const buyer = await createBuyer(db, { shopId: shop.id });
      await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: `ops-${index}`, content: { kind: "text", body: "Hello there" } });
    }
    const app = await start({ metricsToken: METRICS_TOKEN });
    // A one-member shop's session is assigned by the drain, which reports how long it waited.
    const soloShop = await createShop(db, { name: "Solo" });
    await createMember(db, { shopId: soloShop.id, role: "owner", nickname: "Solo" });
    const soloBuyer = await createBuyer(db, { shopId: soloShop.id });
    await ingestBuyerMessage(db, { shopId: soloShop.id, buyerId: soloBuyer.id, clientId: "ops-solo", content: { kind: "text", body: "Hi" } });
    await requestDrain(db, soloShop.id, createTestRouting({ online: [] }).routing);

    await fetch(`${app.base}/api/console/conversations/5b7f0a9e-3c51-4c2e-9d0b-0a4b8e6f1c22?x=1`);
    await fetch(`${app.base}/api/console/conversations/another-id`);
    await fetch(`${app.base}/inbox/some/page`);

    const response = await fetch(`${app.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain(`counterpart_queue_length{shop="${shop.id}"} 2`);
    expect(text).not.toContain(`counterpart_queue_length{shop="${quiet.id}"}`);
    expect(text).toMatch(/^counterpart_assignment_latency_seconds_count 1$/m);
    expect(text).toContain("# TYPE counterpart_message_ingest_seconds histogram");
    expect(text).toContain('counterpart_sockets{namespace="console"} 2');
    expect(text).toContain('counterpart_sockets{namespace="widget"} 5');
    expect(text).toMatch(/^counterpart_job_backlog \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    // Two requests to two different conversations share one series: the route's pattern.
    expect(text).toContain('counterpart_http_request_duration_seconds_count{method="GET",route="/api/console/conversations/[conversationId]",status="200"} 2');
    expect(text).toContain('counterpart_http_request_duration_seconds_count{method="GET",route="page",status="200"} 1');
    expect(text).not.toContain("5b7f0a9e-3c51-4c2e-9d0b-0a4b8e6f1c22");
    await app.stop();
  });
});

describe("socket metrics (OPS-3)", () => {
  it("OPS-3 a buyer's message over a real widget socket is timed, and the socket counted", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, role: "owner", nickname: "Socket owner" });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const node = await startRealtimeNode(db);
    const app = await start({ metricsToken: METRICS_TOKEN, sockets: () => ({ console: node.realtime.console.sockets.size, widget: node.realtime.widget.sockets.size }) });
    const socket = connectWidget(node.url, widgetToken(buyer), { reconnection: false });
    try {
      await waitFor(socket, "widget.ready");
      const reply = await command(socket, "message:send", { clientId: "ops-socket-1", content: { kind: "text", body: "Where is my parcel?" } });
      expect(reply.ok).toBe(true);
      const text = await (await fetch(`${app.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      expect(text).toMatch(/^counterpart_message_ingest_seconds_count\{namespace="widget"\} 1$/m);
      expect(text).toContain('counterpart_sockets{namespace="widget"} 1');
      expect(text).toContain('counterpart_sockets{namespace="console"} 0');
    } finally {
      socket.disconnect();
      await node.stop();
      await app.stop();
      await waitForDrains();
    }
  });
});

describe("request ids and logs (OPS-4)", () => {
  it("OPS-4 a sane incoming x-request-id is echoed and logged; a missing or hostile one is replaced", async () => {
    const app = await start();
    const given = await fetch(`${app.base}/api/console/conversations/abc`, { headers: { "x-request-id": "edge-42.a:b_c" } });
    expect(given.headers.get("x-request-id")).toBe("edge-42.a:b_c");
    const line = await requestLine(app, "edge-42.a:b_c");
    expect(line).toMatchObject({ method: "GET", route: "/api/console/conversations/[conversationId]", status: 200, shopId: "11111111-1111-4111-8111-111111111111", level: 30 });
    expect(typeof line.durationMs).toBe("number");

    const generated = (await fetch(`${app.base}/healthz`)).headers.get("x-request-id")!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = (await fetch(`${app.base}/healthz`, { headers: { "x-request-id": `x${"<script>".repeat(3)}` } })).headers.get("x-request-id")!;
    expect(hostile).toMatch(/^[0-9a-f-]{36}$/);
    await app.stop();
  });

  it("OPS-4 no cookie, authorization header, widget token or message body reaches the log", async () => {
    const app = await start();
    const secret = { cookie: "next-auth.session-token=COOKIE-SECRET", authorization: "Bearer AUTH-SECRET", "x-widget-token": "WIDGET-SECRET" };
    const response = await fetch(`${app.base}/api/console/conversations/abc/messages`, {
      method: "POST",
      headers: { ...secret, "content-type": "application/json", "x-request-id": "redaction-test" },
      body: JSON.stringify({ content: { kind: "text", body: "MESSAGE-BODY-SECRET" }, password: "PASSWORD-SECRET" }),
    });
    expect(response.status).toBe(200);
    await requestLine(app, "redaction-test");
    // A caller that logs a request object or a payload by mistake still leaks nothing.
    const log = createLogger("debug", { format: "json", destination: new Writable({ write: (chunk: Buffer, _e, done) => { leaked += chunk.toString("utf8"); done(); } }) });
    let leaked = "";
    log.info("careless", { req: { headers: secret }, headers: secret, content: { body: "MESSAGE-BODY-SECRET" }, password: "PASSWORD-SECRET", token: "TOKEN-SECRET" });
    for (const text of [app.logText(), leaked]) {
      for (const value of ["COOKIE-SECRET", "AUTH-SECRET", "WIDGET-SECRET", "MESSAGE-BODY-SECRET", "PASSWORD-SECRET", "TOKEN-SECRET"]) expect(text).not.toContain(value);
    }
    expect(leaked).toContain("[redacted]");
    await app.stop();
  });
});
