// Socket.IO for the console and the widget, built as a function of an HTTP server so that tests
// start it on port 0 with real clients (STYLE: socket.io's createApplication). With a Redis URL,
// rooms are shared by every app node through the Redis adapter (NF-2).
import type { Server as HttpServer } from "node:http";
import { Server, type Namespace, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { can } from "@/core/permissions";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import { authenticateSessionCookie } from "@/server/auth/session-cookie";
import type { MemberContext } from "@/server/services/resolve-member";
import { bindCommands, type CommandHandlers } from "@/server/realtime/commands";
import { closeSocketAtSessionEnd } from "@/server/realtime/revoke-sessions";
import { rooms } from "@/server/realtime/rooms";
import { checkSameOrigin, configuredPublicUrl, originHeadersOfNode } from "@/server/http/request-origin";
import { wireParser } from "@/server/realtime/wire-parser";
import { createInFlightCommands } from "@/server/realtime/in-flight";
import { MAX_TRANSPORT_BYTES } from "@/shared/commands";
import {
  CONSOLE_NAMESPACE,
  WIDGET_NAMESPACE,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from "@/shared/events";

export interface BuyerContext {
  shopId: string;
  buyerId: string;
  conversationId: string | null;
}

export interface ConsoleCommandContext {
  db: Database;
  member: MemberContext;
  socket: Socket;
}

export interface WidgetCommandContext {
  db: Database;
  buyer: BuyerContext;
  socket: Socket;
}

export interface RealtimeComponents {
  db: Database;
  authSecret: string;
  redisUrl?: string;
  /** Without handlers, every command but `presence:ping` answers BAD_INPUT "Unknown command". */
  consoleCommands?: CommandHandlers<"console", ConsoleCommandContext>;
  widgetCommands?: CommandHandlers<"widget", WidgetCommandContext>;
  /** Verifies a widget handshake (`auth` field); null refuses the connection. */
  authenticateWidget?: (auth: Record<string, unknown>) => Promise<BuyerContext | null>;
  /** Presence and queue draining hook in here (ASSIGN-2, ASSIGN-4). */
  onConsoleConnected?: (member: MemberContext, socket: Socket) => void | Promise<void>;
  onConsoleDisconnected?: (member: MemberContext, socket: Socket) => void | Promise<void>;
  /** Rate limit for widget commands (NF-3); throw an AppError("RATE_LIMITED") to refuse. */
  limitWidgetCommand?: (buyer: BuyerContext, event: string, socket: Socket) => void | Promise<void>;
  /** Rate limit for console commands, per member (issue 15); throw an AppError("RATE_LIMITED"). */
  limitConsoleCommand?: (member: MemberContext, event: string, socket: Socket) => void | Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

export type ConsoleNamespace = Namespace<ConsoleClientToServerEvents, ConsoleServerToClientEvents>;
export type WidgetNamespace = Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;

export interface RealtimeServer {
  io: Server;
  console: ConsoleNamespace;
  widget: WidgetNamespace;
  /**
   * Shutdown, first half (OPS-5): refuse new connections, wait (at most timeoutMs) for the
   * commands being handled to be answered, then disconnect every socket so its client reconnects
   * (to another node behind the balancer). Publishing to other nodes keeps working until close().
   */
  drain(options?: { timeoutMs?: number }): Promise<{ unansweredCommands: number }>;
  /** Disconnects what is left, stops the HTTP server and the Redis adapter's connections. */
  close(): Promise<void>;
}

export async function createRealtimeServer(httpServer: HttpServer, components: RealtimeComponents): Promise<RealtimeServer> {
  const lifecycle = { isDraining: false };
  const inFlight = createInFlightCommands();
  const io = new Server(httpServer, {
    serveClient: false,
    // Polling first, then upgrade: works behind any proxy and survives a websocket failure.
    transports: ["polling", "websocket"],
    // Uploads go over HTTP; commands are small (MAX_COMMAND_BYTES, answered BAD_INPUT above it).
    // The transport accepts more so that an oversized command is answered, not disconnected.
    maxHttpBufferSize: MAX_TRANSPORT_BYTES,
    parser: wireParser,
    // Issue 15: cross-site WebSocket hijacking. The console and the widget frame are both served
    // from here, so a handshake from another origin is refused (docs/security.md).
    allowRequest: (req, callback) => {
      if (lifecycle.isDraining) return callback("shutting down", false);
      callback(null, checkSameOrigin(originHeadersOfNode(req.headers), configuredPublicUrl()).ok);
    },
  });
  const log = components.log ?? ((message: string, error?: unknown) => console.error(message, error));

  const redisClients: Redis[] = [];
  if (components.redisUrl) {
    const pubClient = new Redis(components.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const subClient = pubClient.duplicate();
    // ioredis reconnects (and resubscribes) by itself; one line per outage, not one per retry.
    for (const [name, client] of [["publisher", pubClient], ["subscriber", subClient]] as const) {
      let isDown = false;
      client.on("error", (error: Error) => {
        if (!isDown) log(`Redis adapter ${name} lost its connection; reconnecting`, error.message);
        isDown = true;
      });
      client.on("ready", () => { isDown = false; });
    }
    await Promise.all([pubClient.connect(), subClient.connect()]);
    redisClients.push(pubClient, subClient);
    io.adapter(createAdapter(pubClient, subClient));
  }

  const consoleNamespace: ConsoleNamespace = io.of(CONSOLE_NAMESPACE);
  consoleNamespace.use(async (socket, next) => {
    try {
      const member = await authenticateSessionCookie(components.db, socket.handshake.headers.cookie, components.authSecret);
      if (!member) return next(new Error("unauthorized"));
      socket.data.member = member;
      next();
    } catch (error) {
      log("console handshake failed", error);
      next(new Error("unauthorized"));
    }
  });

  consoleNamespace.on("connection", async (socket) => {
    const member = socket.data.member as MemberContext;
    // Handlers first, synchronously: nothing the client sends after connecting may be missed.
    bindCommands(socket, "console", components.consoleCommands, {
      contextOf: () => ({ db: components.db, member, socket }),
      actorOf: () => member,
      limit: (event) => components.limitConsoleCommand?.(member, event, socket),
      log: (error) => log(`console command failed for member ${member.memberId}`, error),
      track: inFlight.track,
    });
    const joined = [rooms.member(member.memberId), rooms.shop(member.shopId)];
    if (can(member, "session:view_all")) joined.push(rooms.shopAllChats(member.shopId));
    if (member.sessionId) joined.push(rooms.signInSession(member.sessionId));
    // The disconnect listener goes on before anything is awaited, and a socket that closed while
    // it was joining never counts as connected: otherwise its presence entry would be renewed by
    // every heartbeat and the member would stay "online" (and eligible) after leaving.
    socket.on("disconnect", () => {
      Promise.resolve(components.onConsoleDisconnected?.(member, socket)).catch((error) => log("presence disconnect failed", error));
    });
    closeSocketAtSessionEnd(socket, member);
    await socket.join(joined);
    if (socket.disconnected) return;
    await Promise.resolve(components.onConsoleConnected?.(member, socket)).catch((error) => log("presence connect failed", error));
    socket.emit("console.ready", {
      memberId: member.memberId,
      shopId: member.shopId,
      nickname: member.nickname,
      role: member.role,
      canSeeAllChats: can(member, "session:view_all"),
      serverTime: new Date().toISOString(),
    });
  });

  const widgetNamespace: WidgetNamespace = io.of(WIDGET_NAMESPACE);
  widgetNamespace.use(async (socket, next) => {
    try {
      const buyer = await components.authenticateWidget?.(socket.handshake.auth ?? {});
      if (!buyer) return next(new Error("unauthorized"));
      socket.data.buyer = buyer;
      next();
    } catch (error) {
      log("widget handshake failed", error);
      next(new Error("unauthorized"));
    }
  });
  widgetNamespace.on("connection", async (socket) => {
    const buyer = socket.data.buyer as BuyerContext;
    bindCommands(socket, "widget", components.widgetCommands, {
      contextOf: () => ({ db: components.db, buyer, socket }),
      limit: (event) => components.limitWidgetCommand?.(buyer, event, socket),
      log: (error) => log(`widget command failed for buyer ${buyer.buyerId}`, error),
      track: inFlight.track,
    });
    await socket.join([rooms.buyer(buyer.buyerId), rooms.shopBuyers(buyer.shopId)]);
    socket.emit("widget.ready", { buyerId: buyer.buyerId, conversationId: buyer.conversationId, serverTime: new Date().toISOString() });
  });

  // The default namespace is not used; refuse it so nothing unauthenticated lingers there.
  io.of("/").use((_socket, next) => next(new Error("unauthorized")));

  return {
    io,
    console: consoleNamespace,
    widget: widgetNamespace,
    async drain(options = {}) {
      lifecycle.isDraining = true;
      await inFlight.settled(options.timeoutMs ?? 5_000);
      const unansweredCommands = inFlight.size;
      io.disconnectSockets(true);
      return { unansweredCommands };
    },
    async close() {
      lifecycle.isDraining = true;
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
