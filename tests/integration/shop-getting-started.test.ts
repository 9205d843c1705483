// SHOP-4, SHOP-5: the getting-started page's data, identity secret reveal and rotation (the old
// secret verifies identity tokens for 24 hours), and the public sign-up route's protections.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { actorFor } from "./team-fixtures";

process.env.NEXTAUTH_SECRET = "getting-started-test-secret-0123456789abcdef";
const { db } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;

const { loadGettingStarted, revealIdentitySecret, rotateIdentitySecret } = await import("../../src/server/services/onboarding/getting-started");
const { startWidgetSession } = await import("../../src/server/services/widget/start-widget-session");
const { signIdentityToken } = await import("../../src/server/services/widget/identity-token");
const signUpRoute = await import("../../src/app/api/sign-up/route");
const verifyRoute = await import("../../src/app/api/email-verification/[token]/route");
const { issueEmailVerification } = await import("../../src/server/services/onboarding/email-verification");
const { createMemoryMailer } = await import("./team-fixtures");

const HOUR = 3_600_000;

async function ownerShop() {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", acceptAutoAssign: false, maxCapacity: 50 });
  const agent = await createMember(db, { shopId: shop.id, role: "agent" });
  return { shop, owner: await actorFor(db, owner), agent: await actorFor(db, agent) };
}

const tokenFor = (secret: string, now: Date) => signIdentityToken(secret, { externalId: "cust-9", nickname: "Nia", exp: Math.floor(now.getTime() / 1000) + 600 }, now);
const open = (publicKey: string, identityToken: string, now: Date) => startWidgetSession(db, { publicKey, identityToken, authSecret: process.env.NEXTAUTH_SECRET!, now });

describe("SHOP-4 identity secret rotation", () => {
  it("SHOP-4 after a rotation tokens signed with the old secret work for 24 hours, then are refused; the new secret works at once", async () => {
    const { shop, owner } = await ownerShop();
    const before = new Date();
    const rotatedAt = new Date(before.getTime() + 1000);
    const { data } = await rotateIdentitySecret(db, { actor: owner, now: rotatedAt });
    expect(data.identitySecret).not.toBe(shop.identitySecret);
    expect(data.previousSecretValidUntil).toBe(new Date(rotatedAt.getTime() + 24 * HOUR).toISOString());

    const inGrace = new Date(rotatedAt.getTime() + 23 * HOUR);
    await expect(open(shop.publicKey, tokenFor(shop.identitySecret, inGrace), inGrace)).resolves.toMatchObject({ buyer: { nickname: "Nia" } });
    await expect(open(shop.publicKey, tokenFor(data.identitySecret, inGrace), inGrace)).resolves.toBeTruthy();
    const after = new Date(rotatedAt.getTime() + 24 * HOUR + 1000);
    await expect(open(shop.publicKey, tokenFor(shop.identitySecret, after), after)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(open(shop.publicKey, tokenFor(data.identitySecret, after), after)).resolves.toBeTruthy();
  });

  it("SHOP-4 a second rotation retires the first secret at once (only the secret just replaced has a grace)", async () => {
    const { shop, owner } = await ownerShop();
    const now = new Date();
    const first = (await rotateIdentitySecret(db, { actor: owner, now })).data.identitySecret;
    const second = (await rotateIdentitySecret(db, { actor: owner, now })).data.identitySecret;
    await expect(open(shop.publicKey, tokenFor(shop.identitySecret, now), now)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(open(shop.publicKey, tokenFor(first, now), now)).resolves.toBeTruthy();
    await expect(open(shop.publicKey, tokenFor(second, now), now)).resolves.toBeTruthy();
  });

  it("SHOP-4 agents may neither reveal nor rotate the secret", async () => {
    const { agent } = await ownerShop();
    await expect(revealIdentitySecret(db, { actor: agent })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rotateIdentitySecret(db, { actor: agent })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadGettingStarted(db, { actor: agent })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("SHOP-5 getting started", () => {
  it("SHOP-5 shows the public key, never the secret, and the checklist from the shop's data", async () => {
    const { shop, owner } = await ownerShop();
    const fresh = await loadGettingStarted(db, { actor: owner });
    expect(fresh.publicKey).toBe(shop.publicKey);
    expect(JSON.stringify(fresh)).not.toContain(shop.identitySecret);
    const state = (data: typeof fresh) => Object.fromEntries(data.steps.map((step) => [step.id, step.state]));
    expect(state(fresh)).toMatchObject({ verify_email: "done", allow_origin: "todo", test_message: "todo", invite_agents: "done", set_capacity: "todo", automation: "coming" });

    await db.shopSettings.update({ where: { shopId: shop.id }, data: { allowedOrigins: ["https://shop.example"] } });
    await db.member.updateMany({ where: { shopId: shop.id, role: "agent" }, data: { maxCapacity: 12 } });
    const buyer = await db.buyer.create({ data: { shopId: shop.id, nickname: "Test buyer", visitorId: "v-getting-started" } });
    await db.conversation.create({ data: { shopId: shop.id, buyerId: buyer.id } });
    const later = await loadGettingStarted(db, { actor: owner });
    expect(later.allowedOrigins).toEqual(["https://shop.example"]);
    expect(state(later)).toMatchObject({ allow_origin: "done", test_message: "done", set_capacity: "done" });
  });
});

describe("SHOP-1 POST /api/sign-up", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    signUpRoute.POST(new NextRequest("http://app.test/api/sign-up", { method: "POST", headers: { "content-type": "application/json", host: "app.test", ...headers }, body: JSON.stringify(body) }));
  const body = { name: "Rita", email: "rita@example.test", password: "violet harbor lantern 42", shopName: "Rita's", currency: "USD", timeZone: "UTC", defaultLanguage: "en" };

  it("SHOP-1 refuses another site's page (CSRF) and a non-JSON body, and answers 400 with field errors for bad input", async () => {
    expect((await post(body, { origin: "https://evil.example" })).status).toBe(403);
    const form = await signUpRoute.POST(new NextRequest("http://app.test/api/sign-up", { method: "POST", headers: { "content-type": "text/plain", host: "app.test" }, body: "x" }));
    expect(form.status).toBe(415);
    const bad = await post({ ...body, timeZone: "Nowhere/City" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.timeZone).toBeTruthy();
    expect(await db.user.count({ where: { email: "rita@example.test" } })).toBe(0);
  });

  it("SHOP-1 creates the shop and answers its id, never the identity secret", async () => {
    const response = await post(body, { origin: "http://app.test" });
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.data).toMatchObject({ shopName: "Rita's", isNewAccount: true });
    const shop = await db.shop.findUniqueOrThrow({ where: { id: json.data.shopId } });
    expect(JSON.stringify(json)).not.toContain(shop.identitySecret);
  });
});

describe("SHOP-3 POST /api/email-verification/<token>", () => {
  const confirm = (token: string, headers: Record<string, string> = {}) =>
    verifyRoute.POST(new NextRequest(`http://app.test/api/email-verification/${token}`, { method: "POST", headers: { host: "app.test", ...headers } }), { params: Promise.resolve({ token }) });

  it("SHOP-3 works once without a sign-in, refuses another site's page, and says when the link is used or unknown", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, role: "owner", emailVerified: false });
    const { token } = await issueEmailVerification(db, { userId: member.userId, shopId: shop.id, mailer: createMemoryMailer(), baseUrl: "http://app.test" });
    expect((await confirm(token, { origin: "https://evil.example" })).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).emailVerifiedAt).toBeNull();

    const first = await confirm(token, { origin: "http://app.test" });
    expect(first.status).toBe(200);
    expect((await first.json()).data).toEqual({ email: member.user.email });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).emailVerifiedAt).toBeInstanceOf(Date);

    const again = await confirm(token, { origin: "http://app.test" });
    expect(again.status).toBe(410);
    expect((await again.json()).error.message).toContain("already used");
    expect((await confirm("x".repeat(300))).status).toBe(404);
  });
});
