// Socket.IO for the console (and, in later issues, the widget), built as a function of an HTTP
// server so that tests start it on port 0 with real clients (STYLE: socket.io's
// createApplication). With a Redis URL, rooms are shared by every app node.
import type { Server as HttpServer } from "node:http";
import { Server, type Namespace } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Database } from "@/server/db/client";
import { authenticateSocketCookie } from "@/server/auth/socket-auth";
import type { MemberContext } from "@/server/services/resolve-member";
import {
  CONSOLE_NAMESPACE,
  type ConsoleClientToServerEvents,
  type ConsoleServerToClientEvents,
} from "@/shared/events";

export interface ConsoleSocketData {
  member: MemberContext;
}

export type ConsoleNamespace = Namespace<ConsoleClientToServerEvents, ConsoleServerToClientEvents, Record<string, never>, ConsoleSocketData>;

export interface RealtimeComponents {
  db: Database;
  authSecret: string;
  redisUrl?: string;
}

export interface RealtimeServer {
  io: Server;
  console: ConsoleNamespace;
  close(): Promise<void>;
}

/** Room names, in one place so publishers and joiners agree. */
export const rooms = {
  member: (memberId: string) => `member:${memberId}`,
  shop: (shopId: string) => `shop:${shopId}`,
};

export async function createRealtimeServer(httpServer: HttpServer, components: RealtimeComponents): Promise<RealtimeServer> {
  const io = new Server(httpServer, {
    serveClient: false,
    // Polling first, then upgrade: works behind any proxy and survives a websocket failure.
    transports: ["polling", "websocket"],
  });

  const redisClients: Redis[] = [];
  if (components.redisUrl) {
    const pubClient = new Redis(components.redisUrl, { lazyConnect: true });
    const subClient = pubClient.duplicate();
    await Promise.all([pubClient.connect(), subClient.connect()]);
    redisClients.push(pubClient, subClient);
    io.adapter(createAdapter(pubClient, subClient));
  }

  // Namespaces are untyped on the Server; the cast names the events this one carries.
  const consoleNamespace = io.of(CONSOLE_NAMESPACE) as unknown as ConsoleNamespace;
  consoleNamespace.use(async (socket, next) => {
    try {
      const member = await authenticateSocketCookie(components.db, socket.handshake.headers.cookie, components.authSecret);
      if (!member) return next(new Error("unauthorized"));
      socket.data.member = member;
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  consoleNamespace.on("connection", (socket) => {
    const { member } = socket.data;
    void socket.join([rooms.member(member.memberId), rooms.shop(member.shopId)]);
    socket.emit("console.ready", {
      memberId: member.memberId,
      shopId: member.shopId,
      nickname: member.nickname,
      role: member.role,
      serverTime: new Date().toISOString(),
    });
    socket.on("presence:ping", (ack) => {
      if (typeof ack === "function") ack({ ok: true, data: { serverTime: new Date().toISOString() } });
    });
  });

  // The default namespace is not used; refuse it so nothing unauthenticated lingers there.
  io.of("/").use((_socket, next) => next(new Error("unauthorized")));

  return {
    io,
    console: consoleNamespace,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
