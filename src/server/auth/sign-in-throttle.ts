// Sign-in throttle (NF-3, issue 15 item 4): failed sign-ins are counted per account (the email
// typed, whether or not it exists) and per client address (src/server/http/client-address.ts:
// the socket's peer, or a hop written by a proxy named in TRUSTED_PROXIES). When either count
// reaches its limit, further attempts are refused without checking the password until the block
// ends; a correct password clears the account's count but never the address's, so one valid
// account cannot be used to keep guessing others. Counts live in Redis when REDIS_URL is set
// (shared by every app node), otherwise in this process's memory.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getConfig } from "@/server/config";

export interface SignInLimits {
  /** Failed attempts on one email within the window before it is blocked. */
  accountFailures: number;
  /** Failed attempts from one address within the window before it is blocked. */
  addressFailures: number;
  windowSeconds: number;
  /** How long a block lasts, counted from the failure that reached the limit. */
  blockSeconds: number;
}

/** The product's limits; docs/security.md ("Accounts and sessions") states them. */
export const SIGN_IN_LIMITS: SignInLimits = { accountFailures: 10, addressFailures: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

export interface SignInKeys {
  /** The normalised email typed; absent when the input was not an email at all. */
  account?: string;
  address: string;
}

export interface SignInThrottle {
  /** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
  waitBeforeAttempt(keys: SignInKeys): Promise<number>;
  /** Counts a failed attempt; returns the wait it caused (0 while under the limits). */
  recordFailure(keys: SignInKeys): Promise<number>;
  recordSuccess(keys: SignInKeys): Promise<void>;
}

interface Counter {
  limiter: RateLimiterAbstract;
  points: number;
}

export function createSignInThrottle(options: { limits?: SignInLimits; redis?: Redis; keyPrefix?: string } = {}): SignInThrottle {
  const limits = options.limits ?? SIGN_IN_LIMITS;
  const prefix = options.keyPrefix ?? "signin";
  const counter = (kind: string, points: number): Counter => {
    const settings = { keyPrefix: `${prefix}:${kind}`, points, duration: limits.windowSeconds };
    // If Redis fails, the insurance limiter keeps counting in memory rather than letting every
    // attempt through or refusing every sign-in.
    const limiter = options.redis
      ? new RateLimiterRedis({ ...settings, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(settings) })
      : new RateLimiterMemory(settings);
    return { limiter, points };
  };
  const account = counter("account", limits.accountFailures);
  const address = counter("address", limits.addressFailures);
  const entries = (keys: SignInKeys): Array<[Counter, string]> => [
    ...(keys.account ? [[account, keys.account] as [Counter, string]] : []),
    [address, keys.address],
  ];

  return {
    async waitBeforeAttempt(keys) {
      const waits = await Promise.all(entries(keys).map(async ([{ limiter, points }, key]) => {
        const state = await limiter.get(key);
        return state && state.consumedPoints >= points ? Math.max(1, state.msBeforeNext) : 0;
      }));
      return Math.max(0, ...waits);
    },
    async recordFailure(keys) {
      const waits = await Promise.all(entries(keys).map(async ([{ limiter, points }, key]) => {
        const state = await limiter.consume(key).catch((rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        });
        if (state.consumedPoints < points) return 0;
        await limiter.block(key, limits.blockSeconds);
        return limits.blockSeconds * 1000;
      }));
      return Math.max(0, ...waits);
    },
    async recordSuccess(keys) {
      if (keys.account) await account.limiter.delete(keys.account);
    },
  };
}

const registry = globalThis as unknown as { __counterpartSignInThrottle?: SignInThrottle };

/** The process's throttle; on globalThis because Next.js's bundles load their own module copies. */
export function getSignInThrottle(): SignInThrottle {
  if (!registry.__counterpartSignInThrottle) {
    const redisUrl = getConfig().REDIS_URL;
    // No offline queue: while Redis is unreachable the limiter falls back to memory at once
    // instead of making sign-in wait for a reconnect.
    const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
    redis?.on("error", () => undefined);
    registry.__counterpartSignInThrottle = createSignInThrottle({ redis });
  }
  return registry.__counterpartSignInThrottle;
}
