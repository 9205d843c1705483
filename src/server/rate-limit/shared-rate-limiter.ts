// NF-3, issue 14 item 2: request and command limits that hold across every app node. With
// REDIS_URL set the counters live in Redis (rate-limiter-flexible's fixed windows), so a client
// spreading its requests over N nodes gets one limit, not N; if Redis is unreachable each node
// falls back to its own in-memory counters (the "insurance" limiter) rather than refusing or
// letting everything through. Without Redis (one node) the counters are in memory.
// Keys are what the client cannot forge: a buyer id, a member id, an API token id, or the peer
// address (with trusted proxy hops only, src/server/http/client-address.ts).
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getConfig } from "@/server/config";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface SharedRateLimiter {
  /** Counts one hit for `key`; the milliseconds to wait when over the limit, else 0. */
  hit(key: string): Promise<number>;
}

const KEY_PREFIX = "counterpart:rl";

export function createSharedRateLimiter(name: string, limit: RateLimit, options: { redis?: Redis; keyPrefix?: string } = {}): SharedRateLimiter {
  const settings = { keyPrefix: `${options.keyPrefix ?? KEY_PREFIX}:${name}`, points: limit.limit, duration: Math.max(1, Math.ceil(limit.windowMs / 1000)) };
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({ ...settings, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(settings) })
    : new RateLimiterMemory(settings);
  return {
    hit: (key) =>
      limiter.consume(key).then(
        () => 0,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
          throw rejection;
        },
      ),
  };
}

const registry = globalThis as unknown as { __counterpartRateLimitRedis?: Redis | null; __counterpartRateLimiters?: Map<string, SharedRateLimiter> };

/** One Redis client per process for every limiter (on globalThis: Next.js bundles load their own module copies). */
export function getRateLimitRedis(): Redis | undefined {
  if (registry.__counterpartRateLimitRedis === undefined) {
    const redisUrl = getConfig().REDIS_URL;
    const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    // Errors mean "Redis not ready": the insurance limiter counts meanwhile.
    redis?.on("error", () => undefined);
    registry.__counterpartRateLimitRedis = redis;
  }
  return registry.__counterpartRateLimitRedis ?? undefined;
}

/**
 * The process's limiter of this name, in Redis when REDIS_URL is set. Created on first use, so a
 * module can declare its limiter at load time without connecting to anything.
 */
export function sharedRateLimiter(name: string, limit: RateLimit): SharedRateLimiter {
  return {
    hit(key) {
      registry.__counterpartRateLimiters ??= new Map();
      const id = `${name}:${limit.limit}/${limit.windowMs}`;
      let limiter = registry.__counterpartRateLimiters.get(id);
      if (!limiter) {
        limiter = createSharedRateLimiter(name, limit, { redis: getRateLimitRedis() });
        registry.__counterpartRateLimiters.set(id, limiter);
      }
      return limiter.hit(key);
    },
  };
}
