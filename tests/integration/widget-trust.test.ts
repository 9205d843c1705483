// Issue 15 (WIDGET-1, NF-3): who the widget believes. Visitor ids are issued and signed by the
// server (a client-chosen, seeded or altered id reads nothing); identity tokens are HS256 JWTs
// with iat and exp and a 24-hour maximum lifetime, the pre-JWT format only inside its
// deprecation window; per-address limits key by the socket's peer and believe X-Forwarded-For
// only from TRUSTED_PROXIES; the demo store's sign-in exists only in demo mode.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBuyer, createShop } from "../factories";
import { createConversation } from "./api-v1-support";
import { useTestDatabase } from "../support/test-database";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-widget-trust-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET = "widget-trust-secret-0123456789abcdefghij";
// Read once by the config: hops written by proxies in 10.99.0.0/16 are believed.
process.env.TRUSTED_PROXIES = "10.99.0.0/16";
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { db, reset } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;

const sessionRoute = await import("../../src/app/api/widget/session/route");
const accountRoute = await import("../../src/app/demo-store/account/route");
const { PEER_ADDRESS_HEADER, stampPeerAddress } = await import("../../src/server/http/client-address");
const { seedDemoShop, DEMO_SHOP_PUBLIC_KEY } = await import("../../src/server/seed/demo-shop");
const { startWidgetSession } = await import("../../src/server/services/widget/start-widget-session");
const { signIdentityToken, signLegacyIdentityToken, LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL } = await import("../../src/server/services/widget/identity-token");

beforeEach(reset);
afterEach(() => vi.useRealTimers());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
type Json = any;
let counter = 0;
const freshAddress = () => `198.18.${Math.floor(counter / 250)}.${(counter++ % 250) + 1}`;

async function startSession(body: unknown, network: { peer?: string; forwardedFor?: string } = { peer: freshAddress() }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (network.peer) headers[PEER_ADDRESS_HEADER] = network.peer;
  if (network.forwardedFor) headers["x-forwarded-for"] = network.forwardedFor;
  const response = await sessionRoute.POST(new NextRequest("http://localhost/api/widget/session", { method: "POST", body: JSON.stringify(body), headers }));
  return { status: response.status, body: (await response.json()) as { data?: Record<string, Json>; error?: { code: string; message: string } } };
}

describe("WIDGET-1 server-issued visitor ids", () => {
  it("WIDGET-1 the seeded visitor-demo-4821 (a client-chosen id) does not read that buyer's history", async () => {
    await seedDemoShop(db);
    const seeded = await db.buyer.findFirstOrThrow({ where: { visitorId: "visitor-demo-4821" }, include: { conversation: true } });
    expect(seeded.conversation).not.toBeNull();
    const { status, body } = await startSession({ publicKey: DEMO_SHOP_PUBLIC_KEY, visitorId: "visitor-demo-4821" });
    expect(status).toBe(200);
    expect(body.data!.buyer.id).not.toBe(seeded.id);
    expect(body.data!.conversationId).toBeNull();
    expect(body.data!.visitorId).not.toBe("visitor-demo-4821");
    expect(body.data!.visitorId).toMatch(/^[A-Za-z0-9_-]{46}$/);
  });

  it("WIDGET-1 any client-chosen id is a fresh visitor, and the issued id brings the same buyer back", async () => {
    const shop = await createShop(db);
    const victim = await createBuyer(db, { shopId: shop.id, visitorId: "visitor-chosen-by-client-01" });
    await createConversation(db, { shopId: shop.id, buyerId: victim.id, messages: [{ author: "buyer", body: "my address is ..." }] });
    const first = await startSession({ publicKey: shop.publicKey, visitorId: "visitor-chosen-by-client-01" });
    expect(first.body.data!.buyer.id).not.toBe(victim.id);
    const again = await startSession({ publicKey: shop.publicKey, visitorId: first.body.data!.visitorId });
    expect(again.body.data).toMatchObject({ visitorId: first.body.data!.visitorId, buyer: { id: first.body.data!.buyer.id } });
  });

  it("WIDGET-1 a tampered signed visitor id, or one issued for another shop, is refused: a fresh visitor instead", async () => {
    const shop = await createShop(db);
    const other = await createShop(db);
    const { body } = await startSession({ publicKey: shop.publicKey });
    const issued = body.data!.visitorId as string;
    const flip = (text: string, index: number) => text.slice(0, index) + (text[index] === "A" ? "B" : "A") + text.slice(index + 1);
    for (const tampered of [flip(issued, 3), flip(issued, 40), issued.slice(0, 45)]) {
      const result = await startSession({ publicKey: shop.publicKey, visitorId: tampered });
      expect(result.status).toBe(200);
      expect(result.body.data!.buyer.id).not.toBe(body.data!.buyer.id);
      expect(result.body.data!.visitorId).not.toBe(tampered);
    }
    const elsewhere = await startSession({ publicKey: other.publicKey, visitorId: issued });
    expect(await db.buyer.count({ where: { shopId: other.id } })).toBe(1);
    expect(elsewhere.body.data!.visitorId).not.toBe(issued);
  });
});

describe("WIDGET-1 identity tokens are JWTs with a bounded lifetime", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  const seconds = Math.floor(now.getTime() / 1000);
  const start = (publicKey: string, identityToken: string, at = now) =>
    startWidgetSession(db, { publicKey, identityToken, authSecret: process.env.NEXTAUTH_SECRET!, now: at });

  it("WIDGET-1 a token signed HS256 by jose (as a shop's JWT library does) is accepted", async () => {
    const shop = await createShop(db);
    const token = await new SignJWT({ nickname: "Mia" }).setProtectedHeader({ alg: "HS256" }).setSubject("cust-9").setIssuedAt(seconds).setExpirationTime(seconds + 600).sign(new TextEncoder().encode(shop.identitySecret));
    const session = await start(shop.publicKey, token);
    expect(session.buyer).toMatchObject({ nickname: "Mia", isIdentified: true });
  });

  it("WIDGET-1 exp in the year 3000, a token without iat or exp, or living over 24 h is refused", async () => {
    const shop = await createShop(db);
    const key = new TextEncoder().encode(shop.identitySecret);
    const jwt = () => new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("cust-1");
    const refused = [
      signIdentityToken(shop.identitySecret, { externalId: "cust-1", exp: Math.floor(Date.UTC(3000, 0, 1) / 1000), iat: seconds }),
      await jwt().setExpirationTime(seconds + 600).sign(key), // no iat
      await jwt().setIssuedAt(seconds).sign(key), // no exp
      await jwt().setIssuedAt(seconds - 30 * 3600).setExpirationTime(seconds + 600).sign(key), // 30 h old
      await jwt().setIssuedAt(seconds + 3600).setExpirationTime(seconds + 7200).sign(key), // issued in the future
      await new SignJWT({}).setProtectedHeader({ alg: "HS512" }).setSubject("cust-1").setIssuedAt(seconds).setExpirationTime(seconds + 600).sign(key),
      `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "cust-1", iat: seconds, exp: seconds + 60 })).toString("base64url")}.`,
    ];
    for (const token of refused) await expect(start(shop.publicKey, token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.buyer.count({ where: { shopId: shop.id } })).toBe(0);
    // Exactly 24 hours is the documented maximum, and allowed.
    await expect(start(shop.publicKey, signIdentityToken(shop.identitySecret, { externalId: "cust-1", iat: seconds, exp: seconds + 24 * 3600 }))).resolves.toBeDefined();
  });

  it("WIDGET-1 the pre-JWT format is accepted (with a warning) only until 2027-03-01, and never for over 24 h", async () => {
    const shop = await createShop(db);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const inside = new Date(LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL.getTime() - 3600_000);
    const after = new Date(LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL.getTime() + 1000);
    const legacyAt = (at: Date, ttl = 600) => signLegacyIdentityToken(shop.identitySecret, { externalId: "cust-legacy", exp: Math.floor(at.getTime() / 1000) + ttl });
    expect((await start(shop.publicKey, legacyAt(inside), inside)).buyer.isIdentified).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/deprecated pre-JWT format.*2027-03-01/));
    await expect(start(shop.publicKey, legacyAt(after), after)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(start(shop.publicKey, legacyAt(inside, 365 * 24 * 3600), inside)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    warn.mockRestore();
  });

  it("WIDGET-1 an avatarUrl claim that is not http(s) or a same-site path refuses the token", async () => {
    const shop = await createShop(db);
    for (const avatarUrl of ["javascript:alert(1)", "/\\evil.example/a.png"]) {
      await expect(start(shop.publicKey, signIdentityToken(shop.identitySecret, { externalId: "cust-1", avatarUrl, exp: seconds + 600 }, now))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const ok = await start(shop.publicKey, signIdentityToken(shop.identitySecret, { externalId: "cust-1", avatarUrl: "https://cdn.example/a.png", exp: seconds + 600 }, now));
    expect((await db.buyer.findUniqueOrThrow({ where: { id: ok.buyer.id } })).avatarUrl).toBe("https://cdn.example/a.png");
  });
});

describe("NF-3 per-address limits key by the real peer", () => {
  it("NF-3 spoofed X-Forwarded-For hops do not escape the session limit without a trusted proxy", async () => {
    const shop = await createShop(db);
    const visitorId = (await startSession({ publicKey: shop.publicKey })).body.data!.visitorId;
    const peer = "192.0.2.10";
    for (let i = 0; i < sessionRoute.WIDGET_SESSION_LIMIT.limit; i += 1) {
      expect((await startSession({ publicKey: shop.publicKey, visitorId }, { peer, forwardedFor: `203.0.113.${i + 1}` })).status).toBe(200);
    }
    const limited = await startSession({ publicKey: shop.publicKey, visitorId }, { peer, forwardedFor: "198.51.100.1" });
    expect(limited.status).toBe(429);
  });

  it("NF-3 the custom server stamps the socket's peer and replaces a client-sent copy of the header", async () => {
    const seen: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      stampPeerAddress(req);
      seen.push(req.headers[PEER_ADDRESS_HEADER] as string | undefined);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(["127.0.0.1"]);
  });

  it("NF-3 behind a proxy named in TRUSTED_PROXIES the hop it wrote is the client", async () => {
    const shop = await createShop(db);
    const visitorId = (await startSession({ publicKey: shop.publicKey })).body.data!.visitorId;
    const proxy = "10.99.0.1";
    for (let i = 0; i < sessionRoute.WIDGET_SESSION_LIMIT.limit; i += 1) {
      expect((await startSession({ publicKey: shop.publicKey, visitorId }, { peer: proxy, forwardedFor: `1.1.1.1, 203.0.113.50` })).status).toBe(200);
    }
    expect((await startSession({ publicKey: shop.publicKey, visitorId }, { peer: proxy, forwardedFor: "9.9.9.9, 203.0.113.50" })).status).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await startSession({ publicKey: shop.publicKey, visitorId }, { peer: proxy, forwardedFor: "203.0.113.51" })).status).toBe(200);
  });

  it("NF-3 one address creates at most WIDGET_NEW_VISITOR_LIMIT new visitors per window; returning visitors still get in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
    const shop = await createShop(db);
    const returning = (await startSession({ publicKey: shop.publicKey })).body.data!.visitorId;
    const peer = "192.0.2.20";
    const { limit } = sessionRoute.WIDGET_NEW_VISITOR_LIMIT;
    // Spread over minutes so that the per-minute session limit is not what refuses.
    for (let i = 0; i < limit; i += 1) {
      if (i % 50 === 0) vi.setSystemTime(new Date(Date.parse("2026-12-02T10:00:00Z") + (i / 50) * 61_000));
      expect((await startSession({ publicKey: shop.publicKey, visitorId: `client-made-id-${String(i).padStart(4, "0")}` }, { peer })).status).toBe(200);
    }
    const refused = await startSession({ publicKey: shop.publicKey }, { peer });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/new visitors/) });
    expect((await startSession({ publicKey: shop.publicKey, visitorId: returning }, { peer })).status).toBe(200);
    expect(await db.buyer.count({ where: { shopId: shop.id } })).toBe(limit + 1);
  });
});

describe("WIDGET-1 the demo store's sign-in", () => {
  const signIn = () => accountRoute.GET(new NextRequest("http://localhost/demo-store/account?as=cust-1001"));

  it("WIDGET-1 /demo-store/account is a 404 outside demo mode and signs in only in demo mode", async () => {
    await seedDemoShop(db);
    const before = process.env.SEED_DEMO;
    try {
      delete process.env.SEED_DEMO;
      const outside = await signIn();
      expect(outside.status).toBe(404);
      expect(outside.headers.get("set-cookie")).toBeNull();
      process.env.SEED_DEMO = "false";
      expect((await signIn()).status).toBe(404);
      process.env.SEED_DEMO = "true";
      const inside = await signIn();
      expect(inside.status).toBe(303);
      expect(inside.headers.get("set-cookie")).toMatch(/demo_store_customer=cust-1001/);
    } finally {
      if (before === undefined) delete process.env.SEED_DEMO;
      else process.env.SEED_DEMO = before;
    }
  });
});
