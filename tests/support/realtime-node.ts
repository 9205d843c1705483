// Starts an app node's realtime half (HTTP server + Socket.IO with the product's commands) on a
// port, with real clients talking to it: what a test needs to stop, restart or add nodes.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import type { Database } from "../../src/server/db/client";
import { createProductRealtime, type CommandLimits, type WidgetLimits } from "../../src/server/realtime/handlers";
import type { TrustedProxies } from "../../src/server/http/client-address";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { registerRouting, type RoutingContext } from "../../src/server/services/assignment/routing-context";
import { waitForDrains } from "../../src/server/services/assignment/settle";
import { createMemoryPresenceStore } from "../../src/server/services/presence/presence-store";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import type { Ack } from "../../src/shared/events";
import { signInCookie } from "../factories/session-cookie";

export const TEST_AUTH_SECRET = "realtime-test-secret-with-more-than-32-chars";

export interface RealtimeNode {
  url: string;
  port: number;
  realtime: RealtimeServer;
  stop(): Promise<void>;
}

let lastNodeDb: Database | undefined;

export async function startRealtimeNode(
  db: Database,
  options: { port?: number; redisUrl?: string; routing?: RoutingContext; register?: boolean; widgetLimits?: WidgetLimits; consoleLimits?: CommandLimits; trustedProxies?: TrustedProxies; presenceGraceMs?: number } = {},
): Promise<RealtimeNode> {
  lastNodeDb = db;
  const routing = options.routing ?? { presence: createMemoryPresenceStore({ graceMs: 0, liveTtlMs: 60_000 }), now: () => new Date() };
  registerRouting(routing);
  // Streams in these tests are faster than any person types; the limit has a test of its own.
  const widgetLimits = options.widgetLimits ?? { message: { limit: 10_000, windowMs: 1_000 }, command: { limit: 10_000, windowMs: 1_000 } };
  const consoleLimits = options.consoleLimits ?? widgetLimits;
  const product = createProductRealtime({ db, authSecret: TEST_AUTH_SECRET, redisUrl: options.redisUrl, routing, widgetLimits, consoleLimits, trustedProxies: options.trustedProxies, presenceGraceMs: options.presenceGraceMs });
  const httpServer: HttpServer = createServer();
  const realtime = await createRealtimeServer(httpServer, { ...product.components, log: () => {} });
  // Services publish through the registered server; with several nodes in one process the
  // last one registered publishes, and the Redis adapter carries it to the others.
  if (options.register !== false) registerRealtime(realtime);
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    realtime,
    async stop() {
      product.stop();
      await realtime.close();
    },
  };
}

/** A signed-in cookie (with its sign-in session row) in the database of the last node started. */
export async function memberCookie(member: { userId: string; shopId: string }): Promise<string> {
  if (!lastNodeDb) throw new Error("start a realtime node before asking for a cookie");
  return (await signInCookie(lastNodeDb, member, TEST_AUTH_SECRET)).cookie;
}

export function widgetToken(buyer: { id: string; shopId: string }): string {
  return signWidgetToken(TEST_AUTH_SECRET, { shopId: buyer.shopId, buyerId: buyer.id }, new Date());
}

export function connectConsole(url: string, cookie: string, options: { reconnection?: boolean } = {}): Socket {
  return connect(`${url}/console`, { extraHeaders: { cookie }, transports: ["websocket"], reconnection: options.reconnection ?? true, reconnectionDelay: 50, reconnectionDelayMax: 200 });
}

export function connectWidget(url: string, token: string, options: { reconnection?: boolean; extraHeaders?: Record<string, string> } = {}): Socket {
  return connect(`${url}/widget`, {
    auth: { token }, transports: ["websocket"], reconnection: options.reconnection ?? true, reconnectionDelay: 50, reconnectionDelayMax: 200, extraHeaders: options.extraHeaders,
  });
}

export function waitFor(socket: Socket, event: string): Promise<unknown> {
  return new Promise((resolve) => socket.once(event, resolve));
}

export async function command<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/**
 * The nodes and sockets a test file starts, stopped after each test: push what a test starts
 * into `nodes` and `sockets`, and nothing outlives it.
 */
export function trackRealtime(): { nodes: RealtimeNode[]; sockets: Socket[] } {
  const tracked = { nodes: [] as RealtimeNode[], sockets: [] as Socket[] };
  afterEach(async () => {
    tracked.sockets.splice(0).forEach((socket) => socket.disconnect());
    await Promise.all(tracked.nodes.splice(0).map((node) => node.stop().catch(() => undefined)));
    // A drain a test's last message started must not run into the next test's table reset.
    await waitForDrains();
  });
  return tracked;
}
