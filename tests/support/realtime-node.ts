// Starts an app node's realtime half (HTTP server + Socket.IO with the product's commands) on a
// port, with real clients talking to it: what a test needs to stop, restart or add nodes.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Database } from "../../src/server/db/client";
import { createProductRealtime, type CommandLimits, type WidgetLimits } from "../../src/server/realtime/handlers";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { registerRouting, type RoutingContext } from "../../src/server/services/assignment/routing-context";
import { createMemoryPresenceStore } from "../../src/server/services/presence/presence-store";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import type { Ack } from "../../src/shared/events";

export const TEST_AUTH_SECRET = "realtime-test-secret-with-more-than-32-chars";

export interface RealtimeNode {
  url: string;
  port: number;
  realtime: RealtimeServer;
  stop(): Promise<void>;
}

export async function startRealtimeNode(
  db: Database,
  options: { port?: number; redisUrl?: string; routing?: RoutingContext; register?: boolean; widgetLimits?: WidgetLimits; consoleLimits?: CommandLimits } = {},
): Promise<RealtimeNode> {
  const routing = options.routing ?? { presence: createMemoryPresenceStore({ graceMs: 0, liveTtlMs: 60_000 }), now: () => new Date() };
  registerRouting(routing);
  // Streams in these tests are faster than any person types; the limit has a test of its own.
  const widgetLimits = options.widgetLimits ?? { message: { limit: 10_000, windowMs: 1_000 }, command: { limit: 10_000, windowMs: 1_000 } };
  const consoleLimits = options.consoleLimits ?? widgetLimits;
  const product = createProductRealtime({ db, authSecret: TEST_AUTH_SECRET, redisUrl: options.redisUrl, routing, widgetLimits, consoleLimits });
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

export async function memberCookie(member: { userId: string; shopId: string }): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { userId: member.userId, shopId: member.shopId }, secret: TEST_AUTH_SECRET })}`;
}

export function widgetToken(buyer: { id: string; shopId: string }): string {
  return signWidgetToken(TEST_AUTH_SECRET, { shopId: buyer.shopId, buyerId: buyer.id }, new Date());
}

export function connectConsole(url: string, cookie: string, options: { reconnection?: boolean } = {}): Socket {
  return connect(`${url}/console`, { extraHeaders: { cookie }, transports: ["websocket"], reconnection: options.reconnection ?? true, reconnectionDelay: 50, reconnectionDelayMax: 200 });
}

export function connectWidget(url: string, token: string, options: { reconnection?: boolean } = {}): Socket {
  return connect(`${url}/widget`, { auth: { token }, transports: ["websocket"], reconnection: options.reconnection ?? true, reconnectionDelay: 50, reconnectionDelayMax: 200 });
}

export function waitFor(socket: Socket, event: string): Promise<unknown> {
  return new Promise((resolve) => socket.once(event, resolve));
}

export async function command<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}
