// CONSOLE-7, SET-5: the workbench's member routes — workbench:read, the session's shop only,
// query validation with field errors, and the response shapes the panel reads.
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, createConversation, useDbForRoutes } from "./api-v1-support";
import { signInAs, signOut } from "../support/signed-in-requests";


const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const ordersRoute = await import("../../src/app/api/workbench/conversations/[conversationId]/orders/route");
const productsRoute = await import("../../src/app/api/workbench/products/route");
const vouchersRoute = await import("../../src/app/api/workbench/vouchers/route");

beforeEach(async () => {
  await reset();
  signOut();
});

async function shopWithChat() {
  const shop = await createShop(db);
  const agent = await createMember(db, { shopId: shop.id, nickname: "Ava" });
  const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-1", nickname: "mia" });
  const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "open", assigneeId: agent.id });
  await db.order.create({
    data: {
      shopId: shop.id, buyerId: buyer.id, externalId: "ORD-1", status: "shipped", totalCents: 5900, placedAt: new Date(),
      carrier: "J&T Express", carrierPhone: "+1 800 555 0142", items: { create: [{ name: "Kettle", quantity: 1, priceCents: 5900 }] },
    },
  });
  await db.product.create({ data: { shopId: shop.id, externalId: "SKU-KET-01", name: "Cast-iron kettle", priceCents: 5900 } });
  await db.voucher.create({
    data: {
      shopId: shop.id, externalId: "V1", code: "WELCOME5", title: "$5 off", discountType: "fixed_amount", discountValue: 500, quantity: 3,
      startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await signInAs(db, { userId: agent.userId, shopId: shop.id });
  return { shop, agent, buyer, conversation };
}

describe("CONSOLE-7 SET-5 workbench routes", () => {
  it("CONSOLE-7 SET-5 GET /api/workbench/conversations/{id}/orders returns the buyer's orders with carrier contact", async () => {
    const { conversation, buyer } = await shopWithChat();
    const response = await callRoute(ordersRoute.GET, { url: `/api/workbench/conversations/${conversation.id}/orders`, params: { conversationId: conversation.id } });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      buyer: { id: buyer.id, nickname: "mia" },
      orders: [{ externalId: "ORD-1", status: "shipped", totalCents: 5900, logistics: { carrier: "J&T Express", phone: "+1 800 555 0142" } }],
      nextCursor: null,
    });
  });

  it("CONSOLE-7 GET /api/workbench/products searches live products and validates its query", async () => {
    await shopWithChat();
    const found = await callRoute(productsRoute.GET, { url: "/api/workbench/products?q=KETTLE" });
    expect(found.status).toBe(200);
    expect(found.json.data.products).toEqual([expect.objectContaining({ externalId: "SKU-KET-01", name: "Cast-iron kettle", priceCents: 5900 })]);
    const bad = await callRoute(productsRoute.GET, { url: "/api/workbench/products?limit=0&cursor=x" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["cursor", "limit"]);
  });

  it("CONSOLE-7 GET /api/workbench/vouchers lists available vouchers with the buyer's claim state", async () => {
    const { conversation } = await shopWithChat();
    const response = await callRoute(vouchersRoute.GET, { url: `/api/workbench/vouchers?conversationId=${conversation.id}` });
    expect(response.status).toBe(200);
    expect(response.json.data.vouchers).toEqual([expect.objectContaining({ code: "WELCOME5", remaining: 3, isClaimedByBuyer: false, discountLabel: "$5.00 off" })]);
  });

  it("CONSOLE-7 another agent's chat and another shop's chat answer 404; signed out answers 401", async () => {
    const { conversation, shop } = await shopWithChat();
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben" });
    await signInAs(db, { userId: ben.userId, shopId: shop.id });
    const hidden = await callRoute(ordersRoute.GET, { url: "/x", params: { conversationId: conversation.id } });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.code).toBe("NOT_FOUND");
    expect((await callRoute(vouchersRoute.GET, { url: `/api/workbench/vouchers?conversationId=${conversation.id}` })).status).toBe(404);

    const other = await createShop(db);
    const owner = await createMember(db, { shopId: other.id, role: "owner" });
    await signInAs(db, { userId: owner.userId, shopId: other.id });
    expect((await callRoute(ordersRoute.GET, { url: "/x", params: { conversationId: conversation.id } })).status).toBe(404);
    const products = await callRoute(productsRoute.GET, { url: "/api/workbench/products" });
    expect(products.json.data.products).toEqual([]);

    signOut();
    expect((await callRoute(productsRoute.GET, { url: "/api/workbench/products" })).status).toBe(401);
    expect((await callRoute(ordersRoute.GET, { url: "/x", params: { conversationId: "nope" } })).status).toBe(401);
  });
});
