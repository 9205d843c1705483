// ACCOUNT-1, NF-3: "forgot password" requests are limited per email typed (whether or not the
// account exists, so the limit says nothing about existence) and per client address, so the
// form cannot be used to flood someone's inbox or to probe many addresses. Every request counts,
// not only failures. rate-limiter-flexible, in Redis when REDIS_URL is set, else in memory, as
// the sign-in throttle (sign-in-throttle.ts).
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getConfig } from "@/server/config";

export interface PasswordResetLimits {
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

/** docs/security.md ("Password reset") states them. */
export const PASSWORD_RESET_LIMITS: PasswordResetLimits = { perEmail: 3, perAddress: 10, windowSeconds: 60 * 60 };

export interface PasswordResetThrottle {
  /** Counts a request; milliseconds to wait when it is over a limit (0: go ahead). */
  consume(keys: { email: string; address: string }): Promise<number>;
}

export function createPasswordResetThrottle(options: { limits?: PasswordResetLimits; redis?: Redis; keyPrefix?: string } = {}): PasswordResetThrottle {
  const limits = options.limits ?? PASSWORD_RESET_LIMITS;
  const prefix = options.keyPrefix ?? "pwreset";
  const limiter = (kind: string, points: number): RateLimiterAbstract => {
    const settings = { keyPrefix: `${prefix}:${kind}`, points, duration: limits.windowSeconds };
    return options.redis
      ? new RateLimiterRedis({ ...settings, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(settings) })
      : new RateLimiterMemory(settings);
  };
  const email = limiter("email", limits.perEmail);
  const address = limiter("address", limits.perAddress);
  const wait = (consumed: Promise<RateLimiterRes>) =>
    consumed.then(() => 0).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      throw rejection;
    });
  return {
    async consume(keys) {
      // The address first: a flood from one address does not use up the victim's email budget.
      const addressWait = await wait(address.consume(keys.address));
      if (addressWait > 0) return addressWait;
      return wait(email.consume(keys.email));
    },
  };
}

const registry = globalThis as unknown as { __counterpartPasswordResetThrottle?: PasswordResetThrottle };

/** The process's throttle (on globalThis: Next.js bundles load their own module copies). */
export function getPasswordResetThrottle(): PasswordResetThrottle {
  if (!registry.__counterpartPasswordResetThrottle) {
    const redisUrl = getConfig().REDIS_URL;
    const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
    redis?.on("error", () => undefined);
    registry.__counterpartPasswordResetThrottle = createPasswordResetThrottle({ redis });
  }
  return registry.__counterpartPasswordResetThrottle;
}
