// WIDGET-1..3, TEAM-6, NF-3: the widget's HTTP routes as Next.js route handlers on a real
// PostgreSQL. Anonymous visitors keep their buyer across visits; identified buyers are proven by
// the shop's signed JWT (bad signature or expiry refused with 401); the context route is
// buyer-scoped; nothing a buyer receives carries an agent's (or anyone's) email.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-widget-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET = "widget-test-secret-0123456789abcdefghijkl";
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { db, reset } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;

const sessionRoute = await import("../../src/app/api/widget/session/route");
const contextRoute = await import("../../src/app/api/widget/context/route");
const { PEER_ADDRESS_HEADER } = await import("../../src/server/http/client-address");
const { signIdentityToken, verifyWidgetToken } = await import("../../src/server/services/widget/tokens");
const { ingestBuyerMessage } = await import("../../src/server/services/messaging/ingest-buyer-message");
const { sendAgentMessage } = await import("../../src/server/services/messaging/send-agent-message");
const { listMessagesBefore } = await import("../../src/server/services/messaging/read-messages");
const { resolveMemberContext } = await import("../../src/server/services/resolve-member");

beforeEach(reset);

// Response bodies are read loosely; the assertions check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let addressCounter = 0;
/** A distinct client address per call, so the per-address limit only bites where a test wants it. */
const freshAddress = () => `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

async function startSession(body: unknown, address = freshAddress()) {
  const response = await sessionRoute.POST(
    new NextRequest("http://localhost/api/widget/session", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: address } }),
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, Json>; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } };
}

async function getContext(token: string | null, query = "") {
  const headers: Record<string, string> = token ? { "x-widget-token": token } : {};
  const response = await contextRoute.GET(new NextRequest(`http://localhost/api/widget/context${query}`, { headers }));
  return { status: response.status, body: (await response.json()) as { data?: Record<string, Json>; error?: { code: string; message: string } } };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("POST /api/widget/session (WIDGET-1)", () => {
  it("WIDGET-1 an anonymous visitor gets a visitor id, and coming back with it is the same buyer", async () => {
    const shop = await createShop(db, { name: "Tea House" });
    const first = await startSession({ publicKey: shop.publicKey });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const session = first.body.data!;
    expect(session.visitorId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(session).toMatchObject({ shop: { name: "Tea House" }, buyer: { isIdentified: false }, conversationId: null, isBlocked: false });
    const claims = verifyWidgetToken(process.env.NEXTAUTH_SECRET!, session.token, new Date());
    expect(claims).toMatchObject({ shopId: shop.id, buyerId: session.buyer.id });

    const again = await startSession({ publicKey: shop.publicKey, visitorId: session.visitorId });
    expect(again.body.data!.buyer.id).toBe(session.buyer.id);
    expect(again.body.data!.visitorId).toBe(session.visitorId);
    expect(await db.buyer.count({ where: { shopId: shop.id } })).toBe(1);
  });

  it("WIDGET-1 a returning visitor sees their conversation id", async () => {
    const shop = await createShop(db);
    const { body } = await startSession({ publicKey: shop.publicKey });
    const visitorId = body.data!.visitorId as string;
    const sent = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: body.data!.buyer.id, clientId: "client-first-1", content: { kind: "text", body: "Hi" } });
    const again = await startSession({ publicKey: shop.publicKey, visitorId });
    expect(again.body.data!.conversationId).toBe(sent.data.message.conversationId);
  });

  it("WIDGET-1 a token signed with the shop's identity secret identifies the buyer (and updates their nickname)", async () => {
    const shop = await createShop(db);
    const existing = await createBuyer(db, { shopId: shop.id, externalId: "cust-42", nickname: "old name" });
    const identityToken = signIdentityToken(shop.identitySecret, { externalId: "cust-42", nickname: "Mia", email: "mia@example.com", exp: inAnHour() });
    const { status, body } = await startSession({ publicKey: shop.publicKey, identityToken, visitorId: "visitor-ignored-when-identified" });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ visitorId: null, buyer: { id: existing.id, nickname: "Mia", isIdentified: true } });
    const created = await startSession({ publicKey: shop.publicKey, identityToken: signIdentityToken(shop.identitySecret, { externalId: "cust-43", exp: inAnHour() }) });
    expect(created.body.data!.buyer).toMatchObject({ nickname: "Customer cust-43", isIdentified: true });
  });

  it("WIDGET-1 the documented example script (scripts/sign-buyer-token.mjs) makes tokens the server accepts", async () => {
    const shop = await createShop(db);
    const identityToken = execFileSync(process.execPath, ["scripts/sign-buyer-token.mjs", shop.identitySecret, "cust-77", "Zoe"], { encoding: "utf8" }).trim();
    const { status, body } = await startSession({ publicKey: shop.publicKey, identityToken });
    expect(status).toBe(200);
    expect(body.data!.buyer).toMatchObject({ nickname: "Zoe", isIdentified: true });
    expect(await db.buyer.findFirst({ where: { shopId: shop.id, externalId: "cust-77" } })).not.toBeNull();
  });

  it("WIDGET-1 a bad signature is refused with 401: nobody can pose as another buyer", async () => {
    const shop = await createShop(db);
    const other = await createShop(db);
    const forged = signIdentityToken(other.identitySecret, { externalId: "cust-1", exp: inAnHour() });
    const { status, body } = await startSession({ publicKey: shop.publicKey, identityToken: forged });
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ code: "UNAUTHENTICATED", fieldErrors: { identityToken: expect.any(Array) } });
    expect(body.error!.message).toMatch(/could not be verified/);
    // A valid token with its payload changed keeps the old signature: refused too.
    const genuine = signIdentityToken(shop.identitySecret, { externalId: "cust-1", exp: inAnHour() });
    const [header, , signature] = genuine.split(".");
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: "cust-2", iat: inAnHour() - 3600, exp: inAnHour() })).toString("base64url")}.${signature}`;
    expect((await startSession({ publicKey: shop.publicKey, identityToken: tampered })).status).toBe(401);
    expect(await db.buyer.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("WIDGET-1 an expired identity token is refused with 401", async () => {
    const shop = await createShop(db);
    const expired = signIdentityToken(shop.identitySecret, { externalId: "cust-1", exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await startSession({ publicKey: shop.publicKey, identityToken: expired })).status).toBe(401);
  });

  it("NF-3 bad input is a 400 with field errors; an unknown shop key a 404", async () => {
    const missing = await startSession({});
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fieldErrors?.publicKey).toBeDefined();
    const badVisitor = await startSession({ publicKey: "pk_x", visitorId: "short" });
    expect(badVisitor.status).toBe(400);
    expect(badVisitor.body.error?.fieldErrors?.visitorId).toBeDefined();
    const notJson = await sessionRoute.POST(new NextRequest("http://localhost/api/widget/session", { method: "POST", body: "{oops", headers: { [PEER_ADDRESS_HEADER]: freshAddress() } }));
    expect(notJson.status).toBe(400);
    const unknown = await startSession({ publicKey: "pk_nobody" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toMatch(/unknown shop key/);
  });

  it("NF-3 one address starting too many sessions gets a 429 with a clear message", async () => {
    const shop = await createShop(db);
    const address = "192.0.2.77";
    // A returning visitor (a server-issued id), so only the session limit applies.
    const visitorId = (await startSession({ publicKey: shop.publicKey })).body.data!.visitorId as string;
    for (let i = 0; i < sessionRoute.WIDGET_SESSION_LIMIT.limit; i += 1) {
      expect((await startSession({ publicKey: shop.publicKey, visitorId }, address)).status).toBe(200);
    }
    const limited = await startSession({ publicKey: shop.publicKey, visitorId }, address);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Try again in \d+ s/) });
    expect((await startSession({ publicKey: shop.publicKey })).status).toBe(200);
  });

  it("CHAT-9 a blocked buyer's session says so", async () => {
    const shop = await createShop(db);
    const { body } = await startSession({ publicKey: shop.publicKey });
    await db.blockedBuyer.create({ data: { shopId: shop.id, buyerId: body.data!.buyer.id } });
    const again = await startSession({ publicKey: shop.publicKey, visitorId: body.data!.visitorId });
    expect(again.body.data!.isBlocked).toBe(true);
  });
});

describe("GET /api/widget/context (WIDGET-2, WIDGET-3)", () => {
  async function shopWithCatalog() {
    const shop = await createShop(db);
    const { body } = await startSession({ publicKey: shop.publicKey, identityToken: signIdentityToken(shop.identitySecret, { externalId: "cust-1", exp: inAnHour() }) });
    const buyerId = body.data!.buyer.id as string;
    const otherBuyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-2" });
    const live = await db.product.create({ data: { shopId: shop.id, externalId: "SKU-1", name: "Sencha", priceCents: 1290, stock: 5 } });
    await db.product.create({ data: { shopId: shop.id, externalId: "SKU-HIDDEN", name: "Secret", priceCents: 100, status: "unlisted" } });
    const ownOrder = await db.order.create({
      data: { shopId: shop.id, buyerId, externalId: "ORD-1", status: "shipped", totalCents: 2580, placedAt: new Date(), items: { create: [{ productId: live.id, name: "Sencha", quantity: 2, priceCents: 1290 }] } },
    });
    await db.order.create({ data: { shopId: shop.id, buyerId: otherBuyer.id, externalId: "ORD-2", status: "to_ship", totalCents: 100, placedAt: new Date() } });
    return { shop, buyerId, token: body.data!.token as string, live, ownOrder };
  }

  it("WIDGET-2 resolves the viewed product and the buyer's own order by the shop's ids", async () => {
    const { token, live, ownOrder } = await shopWithCatalog();
    const { status, body } = await getContext(token, "?productId=SKU-1&orderId=ORD-1");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      session: null,
      shopReadSeq: 0,
      lastSeq: 0,
      product: { id: live.id, externalId: "SKU-1", name: "Sencha", priceCents: 1290, isSoldOut: false },
      order: { id: ownOrder.id, externalId: "ORD-1", status: "shipped", items: [{ name: "Sencha", quantity: 2 }] },
    });
  });

  it("WIDGET-2 another buyer's order and an unlisted product are not shown", async () => {
    const { token } = await shopWithCatalog();
    const { body } = await getContext(token, "?productId=SKU-HIDDEN&orderId=ORD-2");
    expect(body.data).toMatchObject({ product: null, order: null });
  });

  it("NF-3 the context needs a valid widget token", async () => {
    expect((await getContext(null)).status).toBe(401);
    expect((await getContext("nope.nope")).status).toBe(401);
  });

  it("TEAM-6 WIDGET-3 the buyer sees the agent's nickname and avatar, never an email", async () => {
    const { shop, buyerId, token } = await shopWithCatalog();
    const agent = await createMember(db, { shopId: shop.id, nickname: "Ava", email: "ava.private@shop.example" });
    await db.member.update({ where: { id: agent.id }, data: { avatarUrl: "/api/team/avatars/ava.png" } });
    const first = await ingestBuyerMessage(db, { shopId: shop.id, buyerId, clientId: "client-team6-1", content: { kind: "text", body: "Where is my tea?" } });
    // Hand the session to Ava as the assignment engine would.
    await db.chatSession.update({ where: { id: first.data.openedSessionId! }, data: { state: "open", assigneeId: agent.id, assignedAt: new Date() } });
    const agentContext = (await resolveMemberContext(db, { userId: agent.userId, shopId: shop.id }))!;
    const reply = await sendAgentMessage(db, { member: agentContext, conversationId: first.data.message.conversationId, clientId: "client-team6-2", content: { kind: "text", body: "On its way!" } });
    expect(reply.data.message.author).toEqual({ nickname: "Ava", avatarUrl: "/api/team/avatars/ava.png" });

    const context = await getContext(token, "?productId=SKU-1&orderId=ORD-1");
    expect(context.body.data!.session).toMatchObject({ state: "open", agent: { nickname: "Ava", avatarUrl: "/api/team/avatars/ava.png" } });
    expect(context.body.data!.shopReadSeq).toBe(reply.data.message.seq);
    const session = await startSession({ publicKey: shop.publicKey, identityToken: signIdentityToken(shop.identitySecret, { externalId: "cust-1", email: "buyer@example.com", exp: inAnHour() }) });
    const history = await listMessagesBefore(db, { conversationId: first.data.message.conversationId, limit: 50 });
    const widgetEvents = reply.events.filter((event) => event.target === "widget");

    for (const payload of [context.body, session.body, history, widgetEvents]) {
      const json = JSON.stringify(payload);
      expect(json).not.toContain("ava.private@shop.example");
      expect(json).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
      expect(json).not.toContain(agent.id);
    }
  });

  it("WIDGET-3 after the agent ends the chat the context shows the ended session to rate", async () => {
    const { shop, buyerId, token } = await shopWithCatalog();
    const sent = await ingestBuyerMessage(db, { shopId: shop.id, buyerId, clientId: "client-ended-1", content: { kind: "text", body: "Thanks" } });
    await db.chatSession.update({ where: { id: sent.data.openedSessionId! }, data: { state: "ended", closedAt: new Date() } });
    await db.conversation.update({ where: { id: sent.data.message.conversationId }, data: { activeSessionId: null } });
    const { body } = await getContext(token);
    expect(body.data!.session).toEqual({ id: sent.data.openedSessionId, state: "ended", agent: null, rating: null, withBot: false });
    expect(body.data!.lastSeq).toBeGreaterThanOrEqual(1);
  });
});
