// Assembles the realtime server's components: commands, widget authentication, rate limits and
// the presence hooks that make a member eligible and drain the queue when they connect.
import type { Socket } from "socket.io";
import { AppError } from "@/core/errors";
import { createSharedRateLimiter, getRateLimitRedis } from "@/server/rate-limit/shared-rate-limiter";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import type { RealtimeComponents } from "@/server/realtime/realtime-server";
import { consoleCommands } from "@/server/realtime/handlers/console-commands";
import { widgetCommands } from "@/server/realtime/handlers/widget-commands";
import { requestDrain } from "@/server/services/assignment/settle";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import { requeueLostConsoles } from "@/server/services/presence/requeue-lost-consoles";
import { HEARTBEAT_INTERVAL_MS, type PresenceConnection } from "@/server/services/presence/presence-store";
import { authenticateWidgetSocket } from "@/server/services/widget/widget-socket-buyer";
import { announceShopAvailabilitySafely } from "@/server/services/widget/shop-availability";
import { getTrustedProxies } from "@/server/config";
import { clientAddress, type TrustedProxies } from "@/server/http/client-address";

// Per buyer (widget) and per member (console), per node (NF-3, issue 15); docs/realtime.md "Limits".
export const WIDGET_MESSAGE_LIMIT = { limit: 20, windowMs: 10_000 };
export const WIDGET_COMMAND_LIMIT = { limit: 120, windowMs: 10_000 };
export const CONSOLE_MESSAGE_LIMIT = { limit: 60, windowMs: 10_000 };
export const CONSOLE_COMMAND_LIMIT = { limit: 300, windowMs: 10_000 };
/** NF-3: widget messages per client address, whatever the number of visitors behind it. */
export const WIDGET_ADDRESS_MESSAGE_LIMIT = { limit: 40, windowMs: 10_000 };

/** PRESENCE_GRACE_SECONDS' default (src/server/config.ts). */
const DEFAULT_PRESENCE_GRACE_MS = 30_000;
/** The offline check runs just after the grace period, so the closed connection has expired. */
const OFFLINE_CHECK_MARGIN_MS = 250;

export interface ProductRealtime {
  components: RealtimeComponents;
  stop(): void;
}

const isPassive = (socket: Socket) => (socket.handshake.auth as { presence?: unknown } | undefined)?.presence === "passive";

/** `message` counts `message:send`; `command` counts every other event, unknown ones included. */
export interface CommandLimits {
  message: { limit: number; windowMs: number };
  command: { limit: number; windowMs: number };
}
export interface WidgetLimits extends CommandLimits {
  /** Per client address; when widgetLimits are given without it, addresses are not limited. */
  addressMessage?: { limit: number; windowMs: number };
}

function createCommandLimiter(name: string, limits: CommandLimits, message: string) {
  // Per node in memory; one set of counters for every node when REDIS_URL is set.
  const messageLimiter = createSharedRateLimiter(`${name}-send`, limits.message, { redis: getRateLimitRedis() });
  const commandLimiter = createSharedRateLimiter(`${name}-command`, limits.command, { redis: getRateLimitRedis() });
  return async (key: string, event: string) => {
    const isSend = event === "message:send";
    const waitMs = await (isSend ? messageLimiter : commandLimiter).hit(key);
    if (waitMs > 0) throw new AppError("RATE_LIMITED", `${message} Try again in ${Math.ceil(waitMs / 1000)} s.`);
  };
}

export function createProductRealtime(input: {
  db: Database;
  authSecret: string;
  redisUrl?: string;
  routing: RoutingContext;
  widgetLimits?: WidgetLimits;
  consoleLimits?: CommandLimits;
  /** NF-3: whose X-Forwarded-For hops to believe; defaults to TRUSTED_PROXIES. */
  trustedProxies?: TrustedProxies;
  /** The presence grace period (PRESENCE_GRACE_SECONDS): a closed console counts as online this long (ASSIGN-2). */
  presenceGraceMs?: number;
}): ProductRealtime {
  const { db, routing } = input;
  const limitWidget = createCommandLimiter("widget", input.widgetLimits ?? { message: WIDGET_MESSAGE_LIMIT, command: WIDGET_COMMAND_LIMIT }, "You are sending messages too fast.");
  const limitConsole = createCommandLimiter("console", input.consoleLimits ?? { message: CONSOLE_MESSAGE_LIMIT, command: CONSOLE_COMMAND_LIMIT }, "You are going too fast.");
  const addressMessageLimit = input.widgetLimits ? input.widgetLimits.addressMessage : WIDGET_ADDRESS_MESSAGE_LIMIT;
  const addressMessageLimiter = addressMessageLimit ? createSharedRateLimiter("widget-address-send", addressMessageLimit, { redis: getRateLimitRedis() }) : null;
  const trustedProxies = input.trustedProxies ?? getTrustedProxies();
  // The handshake's peer (and trusted hops) fixed once per socket: the key a client cannot pick.
  const addressOf = (socket: Socket): string =>
    ((socket.data as { clientAddress?: string }).clientAddress ??= clientAddress({ headers: socket.handshake.headers, peer: socket.handshake.address }, trustedProxies));
  const liveConnections = new Map<string, PresenceConnection>();
  // The node heartbeat (ASSIGN-2, NF-2): renews this node and its consoles, then gives up the
  // consoles of any node that died and stayed away past the grace period (src/core/presence).
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return; // a slow Redis or database: one beat at a time, never a pile-up
    beating = true;
    void routing.presence.heartbeat([...liveConnections.values()], routing.now())
      .then(() => requeueLostConsoles(db, routing))
      .catch((error) => console.error("presence heartbeat failed", error))
      .finally(() => { beating = false; });
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  // WIDGET-4: after a console closes, the shop may go offline once its grace period is over.
  const presenceGraceMs = input.presenceGraceMs ?? DEFAULT_PRESENCE_GRACE_MS;
  const offlineChecks = new Set<ReturnType<typeof setTimeout>>();
  const announceAfterGrace = (shopId: string) => {
    const timer = setTimeout(() => {
      offlineChecks.delete(timer);
      announceShopAvailabilitySafely(db, shopId, routing);
    }, presenceGraceMs + OFFLINE_CHECK_MARGIN_MS);
    timer.unref();
    offlineChecks.add(timer);
  };

  const connectionOf = (member: { shopId: string; memberId: string }, socket: Socket): PresenceConnection => ({ shopId: member.shopId, memberId: member.memberId, connectionId: socket.id });

  return {
    components: {
      db,
      authSecret: input.authSecret,
      redisUrl: input.redisUrl,
      consoleCommands,
      widgetCommands,
      authenticateWidget: (auth) => authenticateWidgetSocket(db, { authSecret: input.authSecret, token: auth.token, now: routing.now() }),
      async limitWidgetCommand(buyer, event, socket) {
        await limitWidget(buyer.buyerId, event);
        // NF-3: new visitor ids are free, so the buyer limit alone multiplies with them.
        if (event !== "message:send" || !addressMessageLimiter) return;
        const waitMs = await addressMessageLimiter.hit(addressOf(socket));
        if (waitMs > 0) throw new AppError("RATE_LIMITED", `You are sending messages too fast. Try again in ${Math.ceil(waitMs / 1000)} s.`);
      },
      limitConsoleCommand: (member, event) => limitConsole(member.memberId, event),
      async onConsoleConnected(member, socket) {
        // Pages other than the console (the team table) connect for live updates only: an open
        // settings page is not an open console, so it neither counts as presence nor drains.
        if (isPassive(socket)) return;
        const connection = connectionOf(member, socket);
        liveConnections.set(socket.id, connection);
        await routing.presence.connected(connection, routing.now());
        // ASSIGN-4: a member connecting may be new capacity.
        void requestDrain(db, member.shopId, routing);
        // WIDGET-4: the shop's widgets may now say an agent is online.
        announceShopAvailabilitySafely(db, member.shopId, routing);
      },
      async onConsoleDisconnected(member, socket) {
        if (isPassive(socket)) return;
        liveConnections.delete(socket.id);
        await routing.presence.disconnected(connectionOf(member, socket), routing.now());
        announceAfterGrace(member.shopId);
      },
    },
    stop() {
      clearInterval(heartbeat);
      for (const timer of offlineChecks) clearTimeout(timer);
      offlineChecks.clear();
    },
  };
}
