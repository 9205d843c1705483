// NF-3, issue 15 item 4: sign-in is throttled per account and per client address, with the
// counts in memory or in Redis (shared by every app node). Real PostgreSQL, real Redis.
import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createSignInThrottle, SIGN_IN_LIMITS, type SignInLimits, type SignInThrottle } from "../../src/server/auth/sign-in-throttle";
import { SignInError, signIn } from "../../src/server/services/sign-in";
import { describeSignInError } from "../../src/shared/auth-schemas";
import { createMember, createShop, TEST_PASSWORD } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisClients: Redis[] = [];
afterAll(async () => {
  await Promise.all(redisClients.map((client) => client.quit()));
});

const LIMITS: SignInLimits = { accountFailures: 3, addressFailures: 5, windowSeconds: 600, blockSeconds: 900 };

function redisThrottle(keyPrefix: string): SignInThrottle {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redisClients.push(redis);
  return createSignInThrottle({ limits: LIMITS, redis, keyPrefix });
}

async function attempt(throttle: SignInThrottle, email: string, password: string, address: string): Promise<string> {
  return signIn(db, { email, password }, { throttle, address }).then(
    () => "signed_in",
    (error: unknown) => {
      if (!(error instanceof SignInError)) throw error;
      return error.pageCode;
    },
  );
}

async function member(email: string) {
  const shop = await createShop(db);
  return createMember(db, { shopId: shop.id, email });
}

const stores = [
  ["memory", () => createSignInThrottle({ limits: LIMITS })],
  ["Redis", () => redisThrottle(`test-signin-${crypto.randomUUID()}`)],
] as const;

describe.each(stores)("sign-in throttle, %s store (NF-3, issue 15)", (_store, makeThrottle) => {
  it("NF-3 N wrong passwords, then refused with the wait, even with the right password", async () => {
    await member("ava@example.test");
    const throttle = makeThrottle();
    for (let index = 0; index < LIMITS.accountFailures; index += 1) {
      expect(await attempt(throttle, "ava@example.test", `wrong-${index}`, "203.0.113.1")).toBe("invalid_credentials");
    }
    expect(await attempt(throttle, "ava@example.test", TEST_PASSWORD, "203.0.113.1")).toBe("rate_limited:15");
    expect(describeSignInError("rate_limited:15")).toBe("Too many attempts. Try again in 15 minutes.");
  });

  it("NF-3 the account is throttled across addresses (a distributed guess at one password)", async () => {
    await member("ben@example.test");
    const throttle = makeThrottle();
    for (let index = 0; index < LIMITS.accountFailures; index += 1) {
      expect(await attempt(throttle, "ben@example.test", "wrong", `198.51.100.${index + 1}`)).toBe("invalid_credentials");
    }
    expect(await attempt(throttle, " BEN@example.test ", TEST_PASSWORD, "198.51.100.200")).toMatch(/^rate_limited:/);
  });

  it("NF-3 the address is throttled across accounts (one client guessing many emails), and others are unaffected", async () => {
    await member("chloe@example.test");
    const throttle = makeThrottle();
    for (let index = 0; index < LIMITS.addressFailures; index += 1) {
      expect(await attempt(throttle, `nobody-${index}@example.test`, "wrong", "192.0.2.7")).toBe("invalid_credentials");
    }
    expect(await attempt(throttle, "chloe@example.test", TEST_PASSWORD, "192.0.2.7")).toMatch(/^rate_limited:/);
    expect(await attempt(throttle, "chloe@example.test", TEST_PASSWORD, "192.0.2.8")).toBe("signed_in");
  });

  it("NF-3 a correct password clears the account's count but not the address's", async () => {
    await member("dan@example.test");
    const throttle = makeThrottle();
    for (let round = 0; round < 2; round += 1) {
      for (let index = 0; index < LIMITS.accountFailures - 1; index += 1) {
        expect(await attempt(throttle, "dan@example.test", "wrong", `192.0.2.${round * 10 + index + 1}`)).toBe("invalid_credentials");
      }
      expect(await attempt(throttle, "dan@example.test", TEST_PASSWORD, "192.0.2.100")).toBe("signed_in");
    }
    const address = "192.0.2.50";
    for (let index = 0; index < LIMITS.addressFailures - 1; index += 1) await attempt(throttle, `x${index}@example.test`, "wrong", address);
    expect(await attempt(throttle, "dan@example.test", TEST_PASSWORD, address)).toBe("signed_in");
    expect(await attempt(throttle, "eve@example.test", "wrong", address)).toBe("invalid_credentials");
    expect(await attempt(throttle, "dan@example.test", TEST_PASSWORD, address)).toMatch(/^rate_limited:/);
  });

  it("NF-3 input that is not even an email still counts against the address", async () => {
    const throttle = makeThrottle();
    for (let index = 0; index < LIMITS.addressFailures; index += 1) expect(await attempt(throttle, "not-an-email", "", "192.0.2.9")).toBe("invalid_credentials");
    expect(await attempt(throttle, "not-an-email", "", "192.0.2.9")).toMatch(/^rate_limited:/);
  });
});

describe("sign-in throttle across app nodes (NF-2, NF-3)", () => {
  it("NF-3 with Redis, failures counted on one node block the account on another", async () => {
    await member("fay@example.test");
    const prefix = `test-signin-${crypto.randomUUID()}`;
    const nodeA = redisThrottle(prefix);
    const nodeB = redisThrottle(prefix);
    for (let index = 0; index < LIMITS.accountFailures; index += 1) await attempt(index % 2 ? nodeA : nodeB, "fay@example.test", "wrong", `10.1.0.${index}`);
    expect(await attempt(nodeA, "fay@example.test", TEST_PASSWORD, "10.1.0.99")).toMatch(/^rate_limited:/);
    expect(await attempt(nodeB, "fay@example.test", TEST_PASSWORD, "10.1.0.98")).toMatch(/^rate_limited:/);
  });

  it("NF-3 the product's limits: 10 failures per account, 30 per address, 15-minute blocks", () => {
    expect(SIGN_IN_LIMITS).toEqual({ accountFailures: 10, addressFailures: 30, windowSeconds: 900, blockSeconds: 900 });
  });
});
