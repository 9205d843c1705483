// SHOP-1, SHOP-2, SHOP-3: the sign-up service on real PostgreSQL: a new seller, an existing
// account adding a shop, duplicates, bad input, the throttle, and the verification link.
import { describe, expect, it } from "vitest";
import { createSharedRateLimiter } from "../../src/server/rate-limit/shared-rate-limiter";
import { createSignInThrottle } from "../../src/server/auth/sign-in-throttle";
import { verifyPassword } from "../../src/server/auth/password";
import { signIn } from "../../src/server/services/sign-in";
import { issueEmailVerification, resendEmailVerification, verifyEmail } from "../../src/server/services/onboarding/email-verification";
import { signUp, SIGN_UPS_PER_ADDRESS } from "../../src/server/services/onboarding/sign-up";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { seedDemoShop } from "../../src/server/seed/demo-shop";
import { createMember, createShop, TEST_PASSWORD } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { actorFor, createMemoryMailer } from "./team-fixtures";

const { db } = await useTestDatabase();
const STRONG = "violet harbor lantern 42";
const BASE = "http://app.test";

let counter = 0;
function fields(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { name: "Sam Seller", email: `seller${counter}@example.test`, password: STRONG, shopName: `Sam's Teas ${counter}`, currency: "EUR", timeZone: "Europe/Berlin", defaultLanguage: "en", ...overrides };
}

function run(input: unknown, extra: Partial<Parameters<typeof signUp>[1]> = {}) {
  const mailer = createMemoryMailer();
  return { mailer, result: signUp(db, { input, mailer, baseUrl: BASE, signUpLimiter: createSharedRateLimiter("sign-up-address", SIGN_UPS_PER_ADDRESS), ...extra }) };
}

const tokenFrom = (text: string) => /\/verify-email\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";

describe("SHOP-1 a new seller signs up", () => {
  it("SHOP-1 creates the user, a shop with the demo shop's defaults and an owner membership, and mails a verification link to the shop's outbox", async () => {
    const input = fields();
    const { mailer, result } = run(input);
    const { data } = await result;
    expect(data).toMatchObject({ isNewAccount: true, verificationSent: true, shopName: input.shopName });

    const shop = await db.shop.findUniqueOrThrow({ where: { id: data.shopId }, include: { settings: true, members: { include: { user: true } } } });
    expect(shop).toMatchObject({ currency: "EUR", timeZone: "Europe/Berlin", defaultLanguage: "en" });
    expect(shop.publicKey).toMatch(/^pk_[A-Za-z0-9_-]{24}$/);
    expect(shop.identitySecret.length).toBeGreaterThanOrEqual(40);
    // The same settings defaults as the demo shop (the seed uses the same creation code).
    expect(shop.settings).toMatchObject({ greetingEnabled: true, dueSoonThresholdMinutes: 240, allowedOrigins: [] });
    expect(shop.members).toHaveLength(1);
    expect(shop.members[0]).toMatchObject({ role: "owner", status: "active", nickname: "Sam Seller" });
    expect(shop.members[0]!.user).toMatchObject({ email: input.email, emailVerifiedAt: null });
    expect(await verifyPassword(shop.members[0]!.user.passwordHash, STRONG)).toBe(true);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: input.email, shopId: shop.id });
    expect(mailer.sent[0]!.text).toContain(`${BASE}/verify-email/`);

    // Then the browser signs in, asking for the new shop.
    const signedIn = await signIn(db, { email: input.email, password: STRONG, shopId: shop.id });
    expect(signedIn.shopId).toBe(shop.id);
  });

  it("SHOP-1 NF-5 a seller who picks Español gets a Spanish shop and membership, and the verification mail in Spanish", async () => {
    const input = fields({ defaultLanguage: "es" });
    const { mailer, result } = run(input);
    const { data } = await result;
    const shop = await db.shop.findUniqueOrThrow({ where: { id: data.shopId }, include: { members: { include: { user: true } } } });
    expect(shop.defaultLanguage).toBe("es");
    expect(shop.members[0]).toMatchObject({ role: "owner", defaultLanguage: "es" });
    expect(shop.members[0]!.user.defaultLanguage).toBe("es");
    expect(mailer.sent[0]!.subject).toBe("Verifica tu dirección de correo electrónico para Counterpart");
    expect(mailer.sent[0]!.text).toContain("Hola, Sam Seller:");
  });

  it("SHOP-1 the demo shop is created by the same code: its settings row and keys exist", async () => {
    await seedDemoShop(db);
    const demo = await db.shop.findUniqueOrThrow({ where: { publicKey: "pk_demo_harbor_and_pine" }, include: { settings: true } });
    expect(demo.settings).not.toBeNull();
    expect(demo).toMatchObject({ currency: "USD", timeZone: "UTC", defaultLanguage: "en" });
  });

  it.each([
    ["a weak password", { password: "password123" }, "password"],
    ["the email as the password", { email: "kim.lee@example.test", password: "kim.lee@example.test" }, "password"],
    ["a time zone that is not IANA", { timeZone: "+02:00" }, "timeZone"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    ["an unknown currency", { currency: "XXQ" }, "currency"],
    ["a language the product does not have", { defaultLanguage: "xx" }, "defaultLanguage"],
    ["an empty shop name", { shopName: "   " }, "shopName"],
    ["a shop name with a line break", { shopName: "Tea\nShop" }, "shopName"],
    ["a name with an email in it", { name: "me@example.test" }, "name"],
    ["an invalid email", { email: "not-an-email" }, "email"],
  ])("SHOP-1 refuses %s with a field error and creates nothing", async (_label, override, field) => {
    const before = { users: await db.user.count(), shops: await db.shop.count() };
    const { result } = run(fields(override));
    const error = await result.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_INPUT" });
    expect(Object.keys((error as { fieldErrors: Record<string, unknown> }).fieldErrors)).toContain(field);
    expect({ users: await db.user.count(), shops: await db.shop.count() }).toEqual(before);
  });

  it("SHOP-1 new shops are limited per client address", async () => {
    const limiter = createSharedRateLimiter("sign-up-address", { limit: 2, windowMs: 60_000 });
    const address = "203.0.113.9";
    await run(fields(), { signUpLimiter: limiter, address }).result;
    await run(fields(), { signUpLimiter: limiter, address }).result;
    await expect(run(fields(), { signUpLimiter: limiter, address }).result).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("SHOP-2 an email that already has an account", () => {
  it("SHOP-2 with that account's password: the new shop is added to the same user, no duplicate, no new verification when proven", async () => {
    const other = await createShop(db);
    const agent = await createMember(db, { shopId: other.id, role: "agent", email: `agent${Date.now()}@example.test` });
    const users = await db.user.count();
    const { mailer, result } = run(fields({ email: agent.user.email.toUpperCase(), password: TEST_PASSWORD, name: "Ann" }));
    const { data } = await result;
    expect(data).toMatchObject({ isNewAccount: false, verificationSent: false });
    expect(await db.user.count()).toBe(users);
    const memberships = await db.member.findMany({ where: { userId: agent.userId }, orderBy: { createdAt: "asc" } });
    expect(memberships.map((m) => [m.shopId, m.role])).toEqual([[other.id, "agent"], [data.shopId, "owner"]]);
    expect(mailer.sent).toHaveLength(0);
    // The old password still works and is unchanged; sign-in picks the shop asked for.
    expect((await signIn(db, { email: agent.user.email, password: TEST_PASSWORD, shopId: data.shopId })).shopId).toBe(data.shopId);
    expect((await signIn(db, { email: agent.user.email, password: TEST_PASSWORD, shopId: crypto.randomUUID() })).shopId).toBe(other.id);
  });

  it("SHOP-2 with a wrong password: the sign-in answer, counted by the sign-in throttle, and nothing is created", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, role: "owner" });
    const throttle = createSignInThrottle({ limits: { accountFailures: 2, addressFailures: 50, windowSeconds: 900, blockSeconds: 900 } });
    const shops = await db.shop.count();
    const attempt = () => run(fields({ email: member.user.email, password: "some other long passphrase" }), { throttle, address: "198.51.100.7" }).result;
    await expect(attempt()).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("The email or password is incorrect") });
    await expect(attempt()).rejects.toMatchObject({ code: "BAD_INPUT" });
    // Blocked now, even with the right password, exactly as sign-in is.
    await expect(run(fields({ email: member.user.email, password: TEST_PASSWORD }), { throttle, address: "198.51.100.7" }).result).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.shop.count()).toBe(shops);
  });

  it("SHOP-2 a second shop of the same name for the same owner is refused as a likely double submit", async () => {
    const shop = await createShop(db, { name: "Double Tea" });
    const owner = await createMember(db, { shopId: shop.id, role: "owner" });
    await expect(run(fields({ email: owner.user.email, password: TEST_PASSWORD, shopName: "double tea" })).result).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { shopName: [expect.any(String)] } });
    // Another person may use the same shop name: names are not unique across shops.
    await expect(run(fields({ shopName: "Double Tea" })).result).resolves.toBeTruthy();
  });
});

describe("SHOP-3 email verification", () => {
  it("SHOP-3 the link is single-use, hashed at rest, and proves the address", async () => {
    const input = fields();
    const { mailer, result } = run(input);
    const { data } = await result;
    const token = tokenFrom(mailer.sent[0]!.text);
    const stored = await db.emailVerification.findFirstOrThrow({ where: { email: input.email } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    await expect(verifyEmail(db, { token })).resolves.toMatchObject({ data: { email: input.email } });
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmail(db, { token })).rejects.toMatchObject({ code: "GONE", message: expect.stringContaining("already used") });
    await expect(verifyEmail(db, { token: "made-up" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(data.shopId).toBeTruthy();
  });

  it("SHOP-3 a link expires after 48 hours, and a new link retires the old one", async () => {
    const input = fields();
    const { mailer, result } = run(input);
    const { data } = await result;
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    const first = tokenFrom(mailer.sent[0]!.text);
    await expect(verifyEmail(db, { token: first, now: new Date(Date.now() + 49 * 3_600_000) })).rejects.toMatchObject({ code: "GONE", message: expect.stringContaining("expired") });

    const { token: second } = await issueEmailVerification(db, { userId: user.id, shopId: data.shopId, mailer: createMemoryMailer(), baseUrl: BASE });
    await expect(verifyEmail(db, { token: first })).rejects.toMatchObject({ code: "GONE" });
    await expect(verifyEmail(db, { token: second })).resolves.toBeTruthy();
  });

  it("SHOP-3 resend is for the signed-in person, at most once a minute, and says when already verified", async () => {
    const input = fields();
    const { result } = run(input);
    const { data } = await result;
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    const actor = await actorFor(db, { userId: user.id, shopId: data.shopId });
    await expect(resendEmailVerification(db, { actor, mailer: createMemoryMailer(), baseUrl: BASE })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const mailer = createMemoryMailer();
    const later = new Date(Date.now() + 61_000);
    await expect(resendEmailVerification(db, { actor, mailer, baseUrl: BASE, now: later })).resolves.toMatchObject({ data: { alreadyVerified: false } });
    expect(mailer.sent[0]).toMatchObject({ to: input.email, shopId: data.shopId });
    await verifyEmail(db, { token: tokenFrom(mailer.sent[0]!.text), now: later });
    await expect(resendEmailVerification(db, { actor, mailer, baseUrl: BASE, now: new Date(later.getTime() + 120_000) })).resolves.toMatchObject({ data: { alreadyVerified: true } });
  });

  it("SHOP-3 an unverified owner may not invite members yet; once verified they may", async () => {
    const input = fields();
    const { mailer, result } = run(input);
    const { data } = await result;
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    const actor = await actorFor(db, { userId: user.id, shopId: data.shopId });
    const invite = () => inviteMember(db, { actor, email: `invitee${counter}@example.test`, role: "agent", defaultLanguage: "en" }, { mailer: createMemoryMailer(), baseUrl: BASE });
    await expect(invite()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Verify your email address") });
    await verifyEmail(db, { token: tokenFrom(mailer.sent[0]!.text) });
    await expect(invite()).resolves.toMatchObject({ invitation: { role: "agent" } });
  });
});
