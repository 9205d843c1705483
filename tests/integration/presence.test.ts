// ASSIGN-2 presence: online while a console connection lives; a reload within the grace period
// is not leaving; a crashed node's connections expire. The same behaviour in memory (one node)
// and in Redis (shared by every node, NF-2).
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryPresenceStore, createRedisPresenceStore, type PresenceStore } from "../../src/server/services/presence/presence-store";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = new Redis(REDIS_URL);
const stores: PresenceStore[] = [];
afterAll(async () => {
  // The fake clocks below leave "dead" nodes behind: forget them, so no live node reaps them later.
  await Promise.all(stores.map((store) => store.forgetNode?.(store.nodeId!)));
  await Promise.all(stores.map((store) => store.close()));
  await redis.quit();
});

const timing = { graceMs: 30_000, liveTtlMs: 60_000 };
const factories: Array<[string, () => PresenceStore]> = [
  ["memory", () => createMemoryPresenceStore(timing)],
  ["redis", () => createRedisPresenceStore(REDIS_URL, timing)],
];

describe.each(factories)("presence in %s (ASSIGN-2)", (_name, create) => {
  const shopId = crypto.randomUUID();
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, seconds));

  it("ASSIGN-2 a member is online while one connection lives, and a reload within the grace period is not leaving", async () => {
    const store = create();
    stores.push(store);
    const tab1 = { shopId, memberId: "ava", connectionId: "t1" };
    const tab2 = { shopId, memberId: "ava", connectionId: "t2" };
    expect(await store.onlineMemberIds(shopId, at(0))).toEqual(new Set());
    await store.connected(tab1, at(0));
    await store.connected(tab2, at(1));
    await store.disconnected(tab1, at(2));
    expect(await store.onlineMemberIds(shopId, at(3))).toEqual(new Set(["ava"]));
    await store.disconnected(tab2, at(4));
    // Reloaded: still online for the grace period after the last tab closed...
    expect(await store.onlineMemberIds(shopId, at(30))).toEqual(new Set(["ava"]));
    // ...then offline.
    expect(await store.onlineMemberIds(shopId, at(35))).toEqual(new Set());
  });

  it("ASSIGN-2 a live connection counts while its node heartbeats; a node silent for NODE_DEAD_AFTER_MS loses it at once", async () => {
    const store = create();
    stores.push(store);
    const tab = { shopId, memberId: "ben", connectionId: "b1" };
    await store.connected(tab, at(0));
    await store.heartbeat([tab], at(50));
    expect(await store.onlineMemberIds(shopId, at(58))).toEqual(new Set(["ben"]));
    expect(await store.onlineMemberIds(shopId, at(59))).toEqual(new Set());
  });
});

describe("presence shared by nodes (NF-2)", () => {
  it("NF-2 a member connected on one node is online for every node", async () => {
    const nodeA = createRedisPresenceStore(REDIS_URL, timing);
    const nodeB = createRedisPresenceStore(REDIS_URL, timing);
    stores.push(nodeA, nodeB);
    const shopId = crypto.randomUUID();
    const now = new Date();
    await nodeA.connected({ shopId, memberId: "chloe", connectionId: "c1" }, now);
    expect(await nodeB.onlineMemberIds(shopId, now)).toEqual(new Set(["chloe"]));
    await redis.del(`counterpart:presence:${shopId}`);
  });

  it("NF-2 ASSIGN-2 a dead node's live consoles are handed over once its grace period ends, unless the member is back on another node", async () => {
    const deadNode = createRedisPresenceStore(REDIS_URL, { graceMs: 12_000, liveTtlMs: 60_000 });
    const liveNode = createRedisPresenceStore(REDIS_URL, { graceMs: 12_000, liveTtlMs: 60_000 });
    stores.push(deadNode, liveNode);
    const shopId = crypto.randomUUID();
    const t0 = Date.now();
    await deadNode.connected({ shopId, memberId: "ava", connectionId: "a1" }, new Date(t0));
    await deadNode.connected({ shopId, memberId: "ben", connectionId: "b1" }, new Date(t0));
    await liveNode.connected({ shopId, memberId: "ben", connectionId: "b2" }, new Date(t0 + 9_000));
    // 9 s later the dead node is dead (ava offline, ben online elsewhere) but not yet given up.
    expect(await liveNode.onlineMemberIds(shopId, new Date(t0 + 9_000))).toEqual(new Set(["ben"]));
    expect((await liveNode.lostNodes!(new Date(t0 + 9_000))).map((node) => node.nodeId)).not.toContain(deadNode.nodeId);
    await liveNode.heartbeat([{ shopId, memberId: "ben", connectionId: "b2" }], new Date(t0 + 12_000));
    const lost = (await liveNode.lostNodes!(new Date(t0 + 12_000))).find((node) => node.nodeId === deadNode.nodeId);
    expect(lost?.lastBeatAt).toBe(t0);
    expect(lost?.entries.map((entry) => entry.memberId).sort()).toEqual(["ava", "ben"]);
    await liveNode.forgetNode!(deadNode.nodeId!);
    expect((await liveNode.lostNodes!(new Date(t0 + 12_000))).map((node) => node.nodeId)).not.toContain(deadNode.nodeId);
    expect(Object.keys(await redis.hgetall(`counterpart:presence:${shopId}`))).toEqual(["ben|b2"]);
    await redis.del(`counterpart:presence:${shopId}`);
    await redis.hdel("counterpart:presence:nodes", liveNode.nodeId!);
  });
});
