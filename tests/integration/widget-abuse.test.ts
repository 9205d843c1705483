// Issue 15 (NF-3, WIDGET-2, WIDGET-3, CHAT-2): what a buyer cannot do with free visitor ids,
// forged headers or ids of things that are not theirs. Real sockets on a node started on port 0,
// route handlers and services on a real PostgreSQL.
import type { Socket } from "socket.io-client";
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { command, connectWidget, startRealtimeNode, waitFor, widgetToken, type RealtimeNode, trackRealtime } from "../support/realtime-node";
import { callRoute, createConversation, issueToken, useDbForRoutes } from "./api-v1-support";
import { parseTrustedProxies } from "../../src/server/http/client-address";
import { WIDGET_ADDRESS_MESSAGE_LIMIT } from "../../src/server/realtime/handlers";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { claimVoucher } from "../../src/server/services/workbench/claim-voucher";

const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const productsRoute = await import("../../src/app/api/v1/products/route");
const vouchersRoute = await import("../../src/app/api/v1/vouchers/route");
const { buildOpenApiDocument } = await import("../../src/server/services/integration/openapi");

const { nodes, sockets } = trackRealtime();
beforeEach(reset);

const perBuyer = { limit: 20, windowMs: 60_000 };

async function widgetsOf(node: RealtimeNode, buyers: Array<{ id: string; shopId: string }>, headersOf: (index: number) => Record<string, string> = () => ({})) {
  const widgets = buyers.map((buyer, index) => connectWidget(node.url, widgetToken(buyer), { extraHeaders: headersOf(index) }));
  sockets.push(...widgets);
  await Promise.all(widgets.map((widget) => waitFor(widget, "widget.ready")));
  return widgets;
}

async function sendFromEach(widgets: Socket[], count: number) {
  const acks = await Promise.all(
    widgets.flatMap((widget, w) => Array.from({ length: count }, (_, i) => command(widget, "message:send", { clientId: `flood-${w}-${i}-xxxx`, content: { kind: "text", body: `${w}/${i}` } }))),
  );
  return { accepted: acks.filter((ack) => ack.ok).length, refused: acks.filter((ack) => !ack.ok && ack.error.code === "RATE_LIMITED").length };
}

describe("NF-3 free visitor ids do not multiply the message limit", () => {
  it("NF-3 five visitors from one address (spoofing X-Forwarded-For) send at most the per-address limit", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, role: "owner" });
    const buyers = await Promise.all(Array.from({ length: 5 }, () => createBuyer(db, { shopId: shop.id })));
    const node = await startRealtimeNode(db, { widgetLimits: { message: perBuyer, command: { limit: 1000, windowMs: 60_000 }, addressMessage: WIDGET_ADDRESS_MESSAGE_LIMIT } });
    nodes.push(node);
    const widgets = await widgetsOf(node, buyers, (index) => ({ "x-forwarded-for": `203.0.113.${index + 1}` }));
    const { accepted, refused } = await sendFromEach(widgets, 20);
    expect(accepted).toBe(WIDGET_ADDRESS_MESSAGE_LIMIT.limit);
    expect(refused).toBe(100 - WIDGET_ADDRESS_MESSAGE_LIMIT.limit);
    expect(await db.message.count({ where: { authorType: "buyer" } })).toBe(WIDGET_ADDRESS_MESSAGE_LIMIT.limit);
  });

  it("NF-3 behind a trusted proxy each client address has its own budget", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, role: "owner" });
    const buyers = await Promise.all(Array.from({ length: 3 }, () => createBuyer(db, { shopId: shop.id })));
    const addressLimit = { limit: 10, windowMs: 60_000 };
    const node = await startRealtimeNode(db, {
      widgetLimits: { message: perBuyer, command: { limit: 1000, windowMs: 60_000 }, addressMessage: addressLimit },
      trustedProxies: parseTrustedProxies(["127.0.0.1"]),
    });
    nodes.push(node);
    const widgets = await widgetsOf(node, buyers, (index) => ({ "x-forwarded-for": `203.0.113.${index + 1}` }));
    expect(await sendFromEach(widgets, 10)).toEqual({ accepted: 30, refused: 0 });
    expect((await sendFromEach(widgets.slice(0, 1), 1)).refused).toBe(1);
  });
});

describe("WIDGET-2 the chat's context is the buyer's own", () => {
  it("WIDGET-2 another buyer's order as the context is refused: not stored, so the console cannot show it", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-1" });
    const other = await createBuyer(db, { shopId: shop.id, externalId: "cust-2" });
    const theirs = await db.order.create({ data: { shopId: shop.id, buyerId: other.id, externalId: "ORD-THEIRS", status: "shipped", totalCents: 100, placedAt: new Date() } });
    const mine = await db.order.create({ data: { shopId: shop.id, buyerId: buyer.id, externalId: "ORD-MINE", status: "shipped", totalCents: 100, placedAt: new Date() } });
    const foreignShop = await createShop(db);
    const foreignProduct = await db.product.create({ data: { shopId: foreignShop.id, externalId: "SKU-X", name: "X", priceCents: 1 } });

    const refused = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "ctx-1-xxxx", content: { kind: "text", body: "hi" }, context: { orderId: theirs.id, productId: foreignProduct.id } });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: refused.data.openedSessionId! } })).toMatchObject({ contextOrderId: null, contextProductId: null, category: null });

    const thirdBuyer = await createBuyer(db, { shopId: shop.id });
    const own = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: thirdBuyer.id, clientId: "ctx-2-xxxx", content: { kind: "text", body: "hi" }, context: { orderId: mine.id } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: own.data.openedSessionId! } })).contextOrderId).toBeNull();
    const second = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: other.id, clientId: "ctx-3-xxxx", content: { kind: "text", body: "hi" }, context: { orderId: theirs.id } });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: second.data.openedSessionId! } })).toMatchObject({ contextOrderId: theirs.id, category: "logistics" });
  });
});

describe("WIDGET-3 a voucher is claimable only when sent to the buyer or public", () => {
  const NOW = new Date("2026-12-02T10:00:00Z");
  async function voucherOf(shopId: string, isPublic = false) {
    return db.voucher.create({
      data: { shopId, externalId: `V-${Math.random().toString(36).slice(2, 8)}`, code: "SAVE5", title: "$5 off", discountType: "fixed_amount", discountValue: 500, quantity: 10, isPublic, startsAt: new Date(NOW.getTime() - 86_400_000), endsAt: new Date(NOW.getTime() + 86_400_000) },
    });
  }
  async function sendCard(shopId: string, conversationId: string, voucherId: string, seq: number) {
    return db.message.create({ data: { shopId, conversationId, seq, authorType: "agent", kind: "voucher_card", body: "$5 off", payload: { type: "voucher", version: 1, voucherId } } });
  }

  it("WIDGET-3 claiming an unsent voucher by id is refused; a voucher card in the buyer's chat makes it claimable", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const stranger = await createBuyer(db, { shopId: shop.id });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, messages: [{ author: "buyer", body: "hi" }] });
    const { conversation: strangerChat } = await createConversation(db, { shopId: shop.id, buyerId: stranger.id, messages: [{ author: "buyer", body: "hey" }] });
    const voucher = await voucherOf(shop.id);
    const other = await voucherOf(shop.id);
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN", message: "This voucher was not offered to you." });
    // Sent to someone else, or a card of another voucher, proves nothing.
    await sendCard(shop.id, strangerChat.id, voucher.id, 10);
    const otherCard = await sendCard(shop.id, conversation.id, other.id, 10);
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, messageId: otherCard.id, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.voucherClaim.count()).toBe(0);

    const card = await sendCard(shop.id, conversation.id, voucher.id, 11);
    const claimed = await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, messageId: card.id, now: NOW });
    expect(claimed.claim.messageId).toBe(card.id);
    const other2 = await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: other.id, now: NOW });
    expect(other2.voucher.claimedCount).toBe(1);
  });

  it("WIDGET-3 a public voucher is claimable by any buyer of the shop, and isPublic is set through /api/v1/vouchers", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const token = await issueToken(db, shop.id);
    const body = { externalId: "V-PUBLIC", code: "HELLO", title: "Hello", discountType: "percentage", discountValue: 10, quantity: 5, startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-31T00:00:00Z", isPublic: true };
    const created = await callRoute(vouchersRoute.POST, { url: "/api/v1/vouchers", token, body });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ isPublic: true });
    const result = await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: created.json.data.id, now: NOW });
    expect(result.voucher.claimedCount).toBe(1);
    // Omitted keeps the stored value; false makes it private again.
    expect((await callRoute(vouchersRoute.POST, { url: "/api/v1/vouchers", token, body: { ...body, isPublic: undefined } })).json.data.isPublic).toBe(true);
    expect((await callRoute(vouchersRoute.POST, { url: "/api/v1/vouchers", token, body: { ...body, isPublic: false } })).json.data.isPublic).toBe(false);
    expect((await callRoute(vouchersRoute.POST, { url: "/api/v1/vouchers", token, body: { ...body, externalId: "V-BAD", isPublic: "yes" } })).status).toBe(400);
    const document = JSON.stringify(buildOpenApiDocument());
    expect(document).toContain("isPublic");
  });
});

describe("CHAT-2 links are http(s) or same-site paths", () => {
  it("CHAT-2 product links like /\\evil.example/ and javascript: are refused at /api/v1/products", async () => {
    const shop = await createShop(db);
    const token = await issueToken(db, shop.id);
    const product = { externalId: "SKU-1", name: "Kettle", priceCents: 100 };
    for (const url of ["/\\evil.example/", "//evil.example/", "javascript:alert(1)", "/\t/evil.example", "data:text/html,hi", "products/1"]) {
      const response = await callRoute(productsRoute.POST, { url: "/api/v1/products", token, body: { ...product, url } });
      expect(response.status, url).toBe(400);
      expect(response.json.error.fieldErrors.url).toBeDefined();
    }
    for (const imageUrl of ["javascript:alert(1)", "/\\evil.example/x.png"]) {
      expect((await callRoute(productsRoute.POST, { url: "/api/v1/products", token, body: { ...product, imageUrl } })).status).toBe(400);
    }
    const ok = await callRoute(productsRoute.POST, { url: "/api/v1/products", token, body: { ...product, url: "/products/kettle", imageUrl: "https://cdn.example/k.png" } });
    expect(ok.status).toBe(201);
  });
});
