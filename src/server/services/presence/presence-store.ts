// ASSIGN-2 presence: a member is online while at least one console connection is alive, and a
// connection that closed less than the grace period ago still counts (a reload is not leaving).
// Each connection is an entry (live or closed, with the node holding it and an expiry); each node
// heartbeats every NODE_HEARTBEAT_INTERVAL_MS, and a live entry counts only while its node does
// (src/core/presence: a node silent for NODE_DEAD_AFTER_MS is dead, its consoles are lost).
// Two stores with the same behaviour: in memory (one node) and Redis (every node, NF-2).
import crypto from "node:crypto";
import { Redis } from "ioredis";
import {
  NODE_DEAD_AFTER_MS, NODE_HEARTBEAT_INTERVAL_MS, nodesToGiveUp, onlineMemberIds, type LostNode, type NodeLiveness, type PresenceEntry,
} from "@/core/presence";

export interface PresenceConnection {
  shopId: string;
  memberId: string;
  connectionId: string;
}

/** A node given up (src/core/presence `nodesToGiveUp`) with the console entries it held, per shop. */
export interface LostNodeEntries extends LostNode {
  entries: Array<PresenceEntry & { shopId: string }>;
}

export interface PresenceStore {
  /** This process's node id: its entries carry it and its heartbeat renews it. */
  readonly nodeId?: string;
  connected(connection: PresenceConnection, now: Date): Promise<void>;
  disconnected(connection: PresenceConnection, now: Date): Promise<void>;
  /** The node's heartbeat: renews this node and its live connections. */
  heartbeat(connections: PresenceConnection[], now: Date): Promise<void>;
  onlineMemberIds(shopId: string, now: Date): Promise<Set<string>>;
  /** (Both optional for stand-in stores of tests with fixed presence.) Dead nodes past their grace period, with their entries (to requeue what they lost). */
  lostNodes?(now: Date): Promise<LostNodeEntries[]>;
  /** Forgets a node given up and its entries, once its lost chats are requeued. */
  forgetNode?(nodeId: string): Promise<void>;
  close(): Promise<void>;
}

export interface PresenceTiming {
  graceMs: number;
  /** Backstop for a live entry that its node stopped renewing; node liveness decides first. */
  liveTtlMs: number;
  /** A node silent this long is dead (NODE_DEAD_AFTER_MS unless a test says otherwise). */
  nodeDeadAfterMs?: number;
  nodeId?: string;
}

export const DEFAULT_LIVE_TTL_MS = 60_000;
/** The node heartbeat, which also renews each live connection. */
export const HEARTBEAT_INTERVAL_MS = NODE_HEARTBEAT_INTERVAL_MS;

const field = (connection: PresenceConnection) => `${connection.memberId}|${connection.connectionId}`;
const memberOf = (key: string) => key.slice(0, key.indexOf("|"));
const encode = (entry: Pick<PresenceEntry, "expiresAt" | "state" | "nodeId">) => `${entry.expiresAt}|${entry.state}|${entry.nodeId ?? ""}`;
/** `expiresAt|state|nodeId`, or a bare expiry written before node heartbeats (no node: expiry only). */
function decode(key: string, value: string): PresenceEntry {
  const [expiresAt, state, nodeId] = value.split("|");
  return { memberId: memberOf(key), expiresAt: Number(expiresAt), state: state === "closed" ? "closed" : "live", nodeId: nodeId ? nodeId : null };
}

export function createMemoryPresenceStore(timing: PresenceTiming): PresenceStore {
  const nodeId = timing.nodeId ?? crypto.randomUUID();
  const shops = new Map<string, Map<string, PresenceEntry>>();
  const lastBeats = new Map<string, number>();
  const liveness = (): NodeLiveness => ({ lastBeats, deadAfterMs: timing.nodeDeadAfterMs ?? NODE_DEAD_AFTER_MS });
  const entries = (shopId: string) => {
    let shop = shops.get(shopId);
    if (!shop) shops.set(shopId, (shop = new Map()));
    return shop;
  };
  const live = (connection: PresenceConnection, now: Date) => {
    lastBeats.set(nodeId, now.getTime());
    entries(connection.shopId).set(field(connection), { memberId: connection.memberId, nodeId, state: "live", expiresAt: now.getTime() + timing.liveTtlMs });
  };
  return {
    nodeId,
    async connected(connection, now) {
      live(connection, now);
    },
    async disconnected(connection, now) {
      entries(connection.shopId).set(field(connection), { memberId: connection.memberId, nodeId, state: "closed", expiresAt: now.getTime() + timing.graceMs });
    },
    async heartbeat(connections, now) {
      lastBeats.set(nodeId, now.getTime());
      for (const connection of connections) live(connection, now);
    },
    async onlineMemberIds(shopId, now) {
      const shop = entries(shopId);
      for (const [key, entry] of shop) if (entry.expiresAt <= now.getTime()) shop.delete(key);
      return onlineMemberIds(shop.values(), liveness(), now.getTime());
    },
    // One process holds every entry of this store: when it stops, so does its memory.
    async lostNodes() {
      return [];
    },
    async forgetNode() {},
    async close() {},
  };
}

const NODES_KEY = "counterpart:presence:nodes";
const shopKey = (shopId: string) => `counterpart:presence:${shopId}`;
const nodeShopsKey = (nodeId: string) => `counterpart:presence:node:${nodeId}:shops`;

export function createRedisPresenceStore(redisUrl: string, timing: PresenceTiming): PresenceStore {
  const nodeId = timing.nodeId ?? crypto.randomUUID();
  const deadAfterMs = timing.nodeDeadAfterMs ?? NODE_DEAD_AFTER_MS;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  // Reconnects by itself; the heartbeat rewrites everything once it is back. One line per outage.
  let isDown = false;
  redis.on("error", (error: Error) => {
    if (!isDown) console.error(`Presence store lost its Redis connection; reconnecting (${error.message})`);
    isDown = true;
  });
  redis.on("ready", () => { isDown = false; });
  const liveValue = (now: Date) => encode({ expiresAt: now.getTime() + timing.liveTtlMs, state: "live", nodeId });
  const readLiveness = async (): Promise<NodeLiveness> => {
    const beats = await redis.hgetall(NODES_KEY);
    return { lastBeats: new Map(Object.entries(beats).map(([id, at]) => [id, Number(at)])), deadAfterMs };
  };
  return {
    nodeId,
    async connected(connection, now) {
      await redis.multi()
        .hset(NODES_KEY, nodeId, String(now.getTime()))
        .hset(shopKey(connection.shopId), field(connection), liveValue(now))
        .sadd(nodeShopsKey(nodeId), connection.shopId)
        .exec();
    },
    async disconnected(connection, now) {
      await redis.hset(shopKey(connection.shopId), field(connection), encode({ expiresAt: now.getTime() + timing.graceMs, state: "closed", nodeId }));
    },
    async heartbeat(connections, now) {
      const pipeline = redis.pipeline().hset(NODES_KEY, nodeId, String(now.getTime()));
      // Everything is rewritten, not just renewed: after a Redis restart (empty) presence is whole
      // again at the next beat.
      for (const connection of connections) pipeline.hset(shopKey(connection.shopId), field(connection), liveValue(now)).sadd(nodeShopsKey(nodeId), connection.shopId);
      await pipeline.exec();
    },
    async onlineMemberIds(shopId, now) {
      const [all, liveness] = await Promise.all([redis.hgetall(shopKey(shopId)), readLiveness()]);
      const entries: PresenceEntry[] = [];
      const expired: string[] = [];
      for (const [key, value] of Object.entries(all)) {
        const entry = decode(key, value);
        if (entry.expiresAt > now.getTime()) entries.push(entry);
        else expired.push(key);
      }
      if (expired.length > 0) await redis.hdel(shopKey(shopId), ...expired);
      return onlineMemberIds(entries, liveness, now.getTime());
    },
    async lostNodes(now) {
      const lost = nodesToGiveUp(await readLiveness(), now.getTime(), timing.graceMs);
      const result: LostNodeEntries[] = [];
      for (const node of lost.filter((candidate) => candidate.nodeId !== nodeId)) {
        const shopIds = await redis.smembers(nodeShopsKey(node.nodeId));
        const entries: LostNodeEntries["entries"] = [];
        for (const shopId of shopIds) {
          for (const [key, value] of Object.entries(await redis.hgetall(shopKey(shopId)))) {
            const entry = decode(key, value);
            if (entry.nodeId === node.nodeId) entries.push({ ...entry, shopId });
          }
        }
        result.push({ ...node, entries });
      }
      return result;
    },
    async forgetNode(lostNodeId) {
      const shopIds = await redis.smembers(nodeShopsKey(lostNodeId));
      const pipeline = redis.pipeline();
      for (const shopId of shopIds) {
        const all = await redis.hgetall(shopKey(shopId));
        const keys = Object.entries(all).filter(([key, value]) => decode(key, value).nodeId === lostNodeId).map(([key]) => key);
        if (keys.length > 0) pipeline.hdel(shopKey(shopId), ...keys);
      }
      await pipeline.del(nodeShopsKey(lostNodeId)).hdel(NODES_KEY, lostNodeId).exec();
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
