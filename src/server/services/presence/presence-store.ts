// ASSIGN-2 presence: a member is online while at least one console connection is alive, and a
// connection that closed less than the grace period ago still counts (a reload is not leaving).
// Each connection is an entry with an expiry: live connections are renewed by a heartbeat, a
// closed one expires after the grace period, a crashed node's entries expire after the TTL.
// Two stores with the same behaviour: in memory (one node) and Redis (every node, NF-2).
import { Redis } from "ioredis";

export interface PresenceConnection {
  shopId: string;
  memberId: string;
  connectionId: string;
}

export interface PresenceStore {
  connected(connection: PresenceConnection, now: Date): Promise<void>;
  disconnected(connection: PresenceConnection, now: Date): Promise<void>;
  /** Renews this node's live connections. */
  heartbeat(connections: PresenceConnection[], now: Date): Promise<void>;
  onlineMemberIds(shopId: string, now: Date): Promise<Set<string>>;
  close(): Promise<void>;
}

export interface PresenceTiming {
  graceMs: number;
  /** How long a live connection counts without a heartbeat (a node that died). */
  liveTtlMs: number;
}

export const DEFAULT_LIVE_TTL_MS = 60_000;
export const HEARTBEAT_INTERVAL_MS = 20_000;

const field = (connection: PresenceConnection) => `${connection.memberId}|${connection.connectionId}`;
const memberOf = (key: string) => key.slice(0, key.indexOf("|"));

export function createMemoryPresenceStore(timing: PresenceTiming): PresenceStore {
  const shops = new Map<string, Map<string, number>>();
  const entries = (shopId: string) => {
    let shop = shops.get(shopId);
    if (!shop) shops.set(shopId, (shop = new Map()));
    return shop;
  };
  return {
    async connected(connection, now) {
      entries(connection.shopId).set(field(connection), now.getTime() + timing.liveTtlMs);
    },
    async disconnected(connection, now) {
      entries(connection.shopId).set(field(connection), now.getTime() + timing.graceMs);
    },
    async heartbeat(connections, now) {
      for (const connection of connections) entries(connection.shopId).set(field(connection), now.getTime() + timing.liveTtlMs);
    },
    async onlineMemberIds(shopId, now) {
      const online = new Set<string>();
      const shop = entries(shopId);
      for (const [key, expiresAt] of shop) {
        if (expiresAt > now.getTime()) online.add(memberOf(key));
        else shop.delete(key);
      }
      return online;
    },
    async close() {},
  };
}

export function createRedisPresenceStore(redisUrl: string, timing: PresenceTiming): PresenceStore {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const key = (shopId: string) => `counterpart:presence:${shopId}`;
  return {
    async connected(connection, now) {
      await redis.hset(key(connection.shopId), field(connection), String(now.getTime() + timing.liveTtlMs));
    },
    async disconnected(connection, now) {
      await redis.hset(key(connection.shopId), field(connection), String(now.getTime() + timing.graceMs));
    },
    async heartbeat(connections, now) {
      if (connections.length === 0) return;
      const pipeline = redis.pipeline();
      for (const connection of connections) pipeline.hset(key(connection.shopId), field(connection), String(now.getTime() + timing.liveTtlMs));
      await pipeline.exec();
    },
    async onlineMemberIds(shopId, now) {
      const all = await redis.hgetall(key(shopId));
      const online = new Set<string>();
      const expired: string[] = [];
      for (const [entry, expiresAt] of Object.entries(all)) {
        if (Number(expiresAt) > now.getTime()) online.add(memberOf(entry));
        else expired.push(entry);
      }
      if (expired.length > 0) await redis.hdel(key(shopId), ...expired);
      return online;
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
