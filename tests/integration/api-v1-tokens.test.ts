// API-1: integration tokens — created and revoked from settings by owners and admins, shown once,
// stored as sha256, and the only key to /api/v1 (tenant isolation, NF-3).
import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, issueToken, useDbForRoutes } from "./api-v1-support";
import { signInAs, signOut } from "../support/signed-in-requests";


const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const { createApiToken, MAX_ACTIVE_API_TOKENS } = await import("../../src/server/services/integration/create-api-token");
const { revokeApiToken } = await import("../../src/server/services/integration/revoke-api-token");
const { authenticateApiToken } = await import("../../src/server/services/integration/authenticate-api-token");
const tokensRoute = await import("../../src/app/api/api-tokens/route");
const tokenRoute = await import("../../src/app/api/api-tokens/[tokenId]/route");
const conversationsRoute = await import("../../src/app/api/v1/conversations/route");

beforeEach(async () => {
  await reset();
  signOut();
});

async function signedIn(role: "owner" | "admin" | "agent") {
  const shop = await createShop(db);
  const member = await createMember(db, { shopId: shop.id, role });
  await signInAs(db, { userId: member.userId, shopId: shop.id });
  return { shop, member };
}

describe("API-1 token service", () => {
  it("API-1 returns a cpk_ token once and stores only its sha256 and first characters", async () => {
    const shop = await createShop(db);
    const { token, apiToken } = await createApiToken(db, { shopId: shop.id, name: "ERP sync" });
    expect(token).toMatch(/^cpk_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(apiToken).toMatchObject({ name: "ERP sync", prefix: token.slice(0, 12), revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(apiToken)).not.toContain(token);
  });

  it("API-1 authenticates a live token to its own shop and records when it was last used", async () => {
    const shop = await createShop(db);
    const { token, apiToken } = await createApiToken(db, { shopId: shop.id, name: "ERP" });
    const now = new Date("2026-02-01T10:00:00Z");
    await expect(authenticateApiToken(db, `Bearer ${token}`, now)).resolves.toEqual({ tokenId: apiToken.id, shopId: shop.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(now);
    // Within a minute the timestamp is not rewritten (no write per request).
    await authenticateApiToken(db, `Bearer ${token}`, new Date(now.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiToken(db, `bearer ${token}`, later);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(later);
  });

  it("API-1 refuses missing, malformed, unknown and revoked tokens with UNAUTHENTICATED", async () => {
    const shop = await createShop(db);
    const { token, apiToken } = await createApiToken(db, { shopId: shop.id, name: "ERP" });
    for (const header of [null, "", "Basic abc", `Bearer`, "Bearer cpk_short", `Bearer ${token}x`, `Bearer cpk_${"A".repeat(43)}`]) {
      await expect(authenticateApiToken(db, header)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const revoked = await revokeApiToken(db, { shopId: shop.id, tokenId: apiToken.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(authenticateApiToken(db, `Bearer ${token}`)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "This API token is not valid or has been revoked.",
    });
    // Revoking again keeps the first time; another shop cannot revoke it at all.
    expect((await revokeApiToken(db, { shopId: shop.id, tokenId: apiToken.id })).revokedAt).toBe(revoked.revokedAt);
    const other = await createShop(db);
    await expect(revokeApiToken(db, { shopId: other.id, tokenId: apiToken.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("API-1 caps active tokens per shop, also under concurrent creation", async () => {
    const shop = await createShop(db);
    const results = await Promise.allSettled(
      Array.from({ length: MAX_ACTIVE_API_TOKENS + 5 }, (_, index) => createApiToken(db, { shopId: shop.id, name: `t${index}` })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_ACTIVE_API_TOKENS);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(
      Array(5).fill("CONFLICT"),
    );
  });
});

describe("API-1 token routes in settings (api_token:manage)", () => {
  it("API-1 an owner creates a token (201, secret once), lists it without the secret and revokes it", async () => {
    await signedIn("owner");
    const created = await callRoute(tokensRoute.POST, { url: "/api/api-tokens", body: { name: "  Warehouse  " } });
    expect(created.status).toBe(201);
    const { token, apiToken } = created.json.data;
    expect(token).toMatch(/^cpk_/);
    expect(apiToken.name).toBe("Warehouse");

    const listed = await callRoute(tokensRoute.GET, { url: "/api/api-tokens" });
    expect(listed.status).toBe(200);
    expect(listed.json.data.tokens).toEqual([apiToken]);
    expect(JSON.stringify(listed.json)).not.toContain(token);

    const api = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations", token });
    expect(api.status).toBe(200);

    const revoked = await callRoute(tokenRoute.DELETE, { method: "DELETE", url: `/api/api-tokens/${apiToken.id}`, params: { tokenId: apiToken.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.token.revokedAt).toEqual(expect.any(String));
    const refused = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations", token });
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe("UNAUTHENTICATED");
  });

  it("API-1 admins manage tokens too; agents get 403 and signed-out callers 401", async () => {
    await signedIn("admin");
    expect((await callRoute(tokensRoute.POST, { url: "/api/api-tokens", body: { name: "BI" } })).status).toBe(201);
    await signedIn("agent");
    const refused = await callRoute(tokensRoute.POST, { url: "/api/api-tokens", body: { name: "BI" } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("FORBIDDEN");
    expect((await callRoute(tokensRoute.GET, { url: "/api/api-tokens" })).status).toBe(403);
    signOut();
    expect((await callRoute(tokensRoute.GET, { url: "/api/api-tokens" })).status).toBe(401);
  });

  it("API-1 a token name is required (400 with field errors) and another shop's token is not found", async () => {
    const { shop } = await signedIn("owner");
    const bad = await callRoute(tokensRoute.POST, { url: "/api/api-tokens", body: { name: "   " } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fieldErrors.name).toEqual(["Give the token a name, e.g. the system that uses it."]);
    const otherShop = await createShop(db);
    const foreign = await createApiToken(db, { shopId: otherShop.id, name: "theirs" });
    const revoked = await callRoute(tokenRoute.DELETE, { method: "DELETE", url: "/api/api-tokens/x", params: { tokenId: foreign.apiToken.id } });
    expect(revoked.status).toBe(404);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: foreign.apiToken.id } })).revokedAt).toBeNull();
    expect((await callRoute(tokenRoute.DELETE, { method: "DELETE", url: "/api/api-tokens/x", params: { tokenId: "not-a-uuid" } })).status).toBe(404);
    expect(shop.id).not.toBe(otherShop.id);
  });
});

describe("API-1 /api/v1 authentication", () => {
  it("API-1 answers 401 with the error shape when the token is missing or wrong, before looking at input", async () => {
    const missing = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations?limit=abc" });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      error: { code: "UNAUTHENTICATED", message: "Send an API token in the Authorization header: \"Authorization: Bearer cpk_…\"." },
    });
    const wrong = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations", authorization: "Bearer cpk_nope" });
    expect(wrong.status).toBe(401);
  });

  it("NF-3 API-1 more than the token's requests a minute get 429 with Retry-After; another token is not slowed", async () => {
    const { API_TOKEN_RATE_LIMIT } = await import("../../src/server/services/integration/define-api-route");
    const shop = await createShop(db);
    const busy = await issueToken(db, shop.id, "looping sync");
    const calm = await issueToken(db, shop.id, "calm sync");
    const statuses: number[] = [];
    for (let i = 0; i <= API_TOKEN_RATE_LIMIT.limit; i += 1) {
      statuses.push((await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations?limit=1", token: busy })).status);
    }
    expect(statuses.slice(0, API_TOKEN_RATE_LIMIT.limit).every((status) => status === 200)).toBe(true);
    const refused = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations?limit=1", token: busy });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/Try again in \d+ s\./) } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations?limit=1", token: calm })).status).toBe(200);
  });

  it("API-1 a token only ever sees its own shop", async () => {
    const shop = await createShop(db);
    const token = await issueToken(db, shop.id);
    const other = await createShop(db);
    const buyer = await db.buyer.create({ data: { shopId: other.id, nickname: "elsewhere" } });
    await db.conversation.create({ data: { shopId: other.id, buyerId: buyer.id } });
    const listed = await callRoute(conversationsRoute.GET, { url: "/api/v1/conversations", token });
    expect(listed.json).toMatchObject({ data: [], nextCursor: null });
    expect(listed.headers.get("x-counterpart-api-version")).toBe("1");
    expect(listed.headers.get("cache-control")).toBe("no-store");
  });
});
