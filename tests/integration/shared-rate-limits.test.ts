// NF-3, issue 14 item 2: rate limits hold across app nodes. Two limiters with the same name on
// one real Redis stand for two nodes: a client spreading its hits over both gets one limit. With
// Redis unreachable each node counts in memory instead (never all refused, never unlimited).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../src/server/db/free-port";
import { createSharedRateLimiter } from "../../src/server/rate-limit/shared-rate-limiter";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const clients: Redis[] = [];
const redisClient = (url = REDIS_URL) => {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  client.on("error", () => undefined);
  clients.push(client);
  return client;
};
afterAll(() => clients.forEach((client) => client.disconnect()));

describe("NF-3 shared rate limits", () => {
  it("NF-3 two nodes on one Redis enforce one limit per key, and keys do not share it", async () => {
    const keyPrefix = `test:${randomUUID()}`;
    const [one, two] = [redisClient(), redisClient()];
    await Promise.all([one.connect(), two.connect()]);
    const nodeA = createSharedRateLimiter("widget-send", { limit: 3, windowMs: 60_000 }, { redis: one, keyPrefix });
    const nodeB = createSharedRateLimiter("widget-send", { limit: 3, windowMs: 60_000 }, { redis: two, keyPrefix });
    expect([await nodeA.hit("buyer-1"), await nodeB.hit("buyer-1"), await nodeA.hit("buyer-1")]).toEqual([0, 0, 0]);
    const wait = await nodeB.hit("buyer-1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await nodeA.hit("buyer-2")).toBe(0);
    // Another limit name is another budget.
    expect(await createSharedRateLimiter("widget-command", { limit: 3, windowMs: 60_000 }, { redis: one, keyPrefix }).hit("buyer-1")).toBe(0);
  });

  it("NF-3 with Redis unreachable each node still limits, in memory", async () => {
    const port = await findFreePort();
    const down = redisClient(`redis://127.0.0.1:${port}`);
    await down.connect().catch(() => undefined);
    const limiter = createSharedRateLimiter("console-send", { limit: 2, windowMs: 60_000 }, { redis: down, keyPrefix: `test:${randomUUID()}` });
    expect(await limiter.hit("member-1")).toBe(0);
    expect(await limiter.hit("member-1")).toBe(0);
    expect(await limiter.hit("member-1")).toBeGreaterThan(0);
  });

  it("NF-3 without Redis (one node) the limit is counted in memory", async () => {
    const limiter = createSharedRateLimiter("api-token", { limit: 1, windowMs: 1_000 });
    expect(await limiter.hit("token-1")).toBe(0);
    const wait = await limiter.hit("token-1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_000);
  });
});
