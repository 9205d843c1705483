// API-1: upserting products, orders (with items and status events) and vouchers through
// /api/v1 — zod validation with field errors, idempotency, one transaction per request, and the
// AUTO-6 proactive order messages they cause (the real hook, no mock).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, issueToken, useDbForRoutes } from "./api-v1-support";

const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const productsRoute = await import("../../src/app/api/v1/products/route");
const ordersRoute = await import("../../src/app/api/v1/orders/route");
const orderEventsRoute = await import("../../src/app/api/v1/orders/[externalId]/events/route");
const vouchersRoute = await import("../../src/app/api/v1/vouchers/route");
const { API_V1_EXAMPLES } = await import("../../src/shared/api-v1-schemas");

let shopId: string;
let token: string;
beforeEach(async () => {
  await reset();
  shopId = (await createShop(db)).id;
  token = await issueToken(db, shopId);
  // Every proactive status switched on, each message naming its status and order.
  await db.proactiveTemplate.createMany({
    data: (["shipped", "out_for_delivery", "delayed", "delivered"] as const).map((status) => ({ shopId, status, enabled: true, template: `${status} {order_id}` })),
  });
});
afterEach(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fail_proactive ON "ProactiveMessage"`);
});

/** The proactive messages sent, oldest first, as "<status> <order id>". */
const proactiveBodies = async () =>
  (await db.message.findMany({ where: { authorType: "bot", isAutomatic: true }, orderBy: { createdAt: "asc" }, select: { body: true, seq: true } }))
    .sort((a, b) => a.seq - b.seq)
    .map((message) => message.body);

const postProduct = (body: unknown) => callRoute(productsRoute.POST, { url: "/api/v1/products", token, body });
const postOrder = (body: unknown) => callRoute(ordersRoute.POST, { url: "/api/v1/orders", token, body });
const postVoucher = (body: unknown) => callRoute(vouchersRoute.POST, { url: "/api/v1/vouchers", token, body });
const postEvent = (externalId: string, body: unknown) =>
  callRoute(orderEventsRoute.POST, { url: `/api/v1/orders/${encodeURIComponent(externalId)}/events`, token, body, params: { externalId } });

describe("API-1 products", () => {
  it("API-1 creates a product (201) and the same request again updates nothing (200)", async () => {
    const first = await postProduct(API_V1_EXAMPLES.product);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ created: true, data: { externalId: "SKU-TEA-03", name: "Oolong tea, 100 g", priceCents: 1890, status: "live", stock: 40 } });
    const second = await postProduct(API_V1_EXAMPLES.product);
    expect(second.status).toBe(200);
    expect(second.json.created).toBe(false);
    expect(second.json.data.id).toBe(first.json.data.id);
    expect(await db.product.count({ where: { shopId } })).toBe(1);
  });

  it("API-1 an update changes the fields sent and keeps the omitted optional ones", async () => {
    await postProduct(API_V1_EXAMPLES.product);
    const updated = await postProduct({ externalId: "SKU-TEA-03", name: "Oolong, 100 g", priceCents: 1990, status: "sold_out" });
    expect(updated.json.data).toMatchObject({ name: "Oolong, 100 g", priceCents: 1990, status: "sold_out", stock: 40, url: "https://shop.example.com/products/oolong" });
  });

  it("API-1 rejects invalid products with 400 and a message per field, writing nothing", async () => {
    const response = await postProduct({ externalId: "", name: "x", priceCents: 12.5, currency: "usd", url: "javascript:alert(1)", status: "gone" });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe("BAD_INPUT");
    expect(Object.keys(response.json.error.fieldErrors).sort()).toEqual(["currency", "externalId", "priceCents", "status", "url"]);
    expect(response.json.error.fieldErrors.url).toEqual(["Use an http(s) URL or a path starting with /."]);
    expect(await db.product.count()).toBe(0);
  });

  it("API-1 answers malformed JSON and oversized bodies with clear errors, never a crash", async () => {
    const broken = await callRoute(productsRoute.POST, { url: "/api/v1/products", token, rawBody: "{not json" });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toEqual({ code: "BAD_INPUT", message: "The request body must be JSON." });
    const array = await callRoute(productsRoute.POST, { url: "/api/v1/products", token, rawBody: "[]" });
    expect(array.status).toBe(400);
    expect(array.json.error.fieldErrors).toHaveProperty("_");
    const huge = await postProduct({ ...API_V1_EXAMPLES.product, description: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("API-1 concurrent upserts of one new product create exactly one row", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => postProduct(API_V1_EXAMPLES.product)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await db.product.count()).toBe(1);
  });
});

describe("API-1 orders", () => {
  it("API-1 creates the order, its items, its events and the unknown buyer in one request", async () => {
    await postProduct(API_V1_EXAMPLES.product);
    const response = await postOrder(API_V1_EXAMPLES.order);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      created: true,
      recordedEvents: 2,
      data: {
        externalId: "ORD-30001",
        status: "shipped",
        totalCents: 3780,
        carrier: "J&T Express",
        carrierPhone: "+1 800 555 0142",
        carrierEmail: "help@jtexpress.example",
        buyer: { externalId: "cust-2001", nickname: "jules_p" },
        items: [{ name: "Oolong tea, 100 g", quantity: 2, priceCents: 1890, productExternalId: "SKU-TEA-03" }],
      },
    });
    expect(response.json.data.events.map((event: { status: string }) => event.status)).toEqual(["to_ship", "shipped"]);
    const buyer = await db.buyer.findUniqueOrThrow({ where: { shopId_externalId: { shopId, externalId: "cust-2001" } } });
    expect(buyer).toMatchObject({ nickname: "jules_p", email: "jules@example.com" });
  });

  it("API-1 links an order to an existing buyer by externalId and keeps the buyer's nickname", async () => {
    const buyer = await createBuyer(db, { shopId, externalId: "cust-2001", nickname: "Jules (widget)" });
    const response = await postOrder(API_V1_EXAMPLES.order);
    expect(response.json.data.buyer).toEqual({ id: buyer.id, externalId: "cust-2001", nickname: "Jules (widget)" });
    expect(await db.buyer.count({ where: { shopId } })).toBe(1);
  });

  it("API-1 is idempotent: the same order twice leaves one order, the same items and no duplicate events", async () => {
    await postOrder(API_V1_EXAMPLES.order);
    const again = await postOrder(API_V1_EXAMPLES.order);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, recordedEvents: 0 });
    expect(await db.order.count()).toBe(1);
    expect(await db.orderItem.count()).toBe(1);
    expect(await db.orderEvent.count()).toBe(2);
  });

  it("API-1 an update replaces the items and appends only new events", async () => {
    await postOrder(API_V1_EXAMPLES.order);
    const response = await postOrder({
      ...API_V1_EXAMPLES.order,
      status: "delivered",
      deliveredAt: "2026-02-03T12:00:00Z",
      items: [
        { name: "Oolong tea, 100 g", quantity: 1, priceCents: 1890 },
        { name: "Gift wrap", quantity: 1, priceCents: 0 },
      ],
      events: [...API_V1_EXAMPLES.order.events, { status: "delivered", occurredAt: "2026-02-03T12:00:00Z" }],
    });
    expect(response.json).toMatchObject({ created: false, recordedEvents: 1, data: { status: "delivered", deliveredAt: "2026-02-03T12:00:00.000Z" } });
    expect(response.json.data.items.map((item: { name: string }) => item.name)).toEqual(["Gift wrap", "Oolong tea, 100 g"]);
    expect(await db.orderItem.count()).toBe(2);
    expect(await db.orderEvent.count()).toBe(3);
  });

  it("API-1 ten concurrent deliveries of one new order write it once, with its items and events once", async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => postOrder(API_V1_EXAMPLES.order)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(9);
    expect(await db.order.count()).toBe(1);
    expect(await db.buyer.count()).toBe(1);
    expect(await db.orderItem.count()).toBe(1);
    expect(await db.orderEvent.count()).toBe(2);
    expect(await proactiveBodies()).toEqual(["shipped ORD-30001"]);
  });

  it("API-1 reports every invalid field of an order, nested ones by dotted path", async () => {
    const response = await postOrder({
      ...API_V1_EXAMPLES.order,
      buyer: { externalId: "cust-1" },
      placedAt: "yesterday",
      items: [{ name: "x", quantity: 0, priceCents: 100 }],
      events: [{ status: "lost", occurredAt: "2026-01-01T00:00:00Z" }],
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.json.error.fieldErrors).sort()).toEqual(["buyer.nickname", "events.0.status", "items.0.quantity", "placedAt"]);
    const empty = await postOrder({ ...API_V1_EXAMPLES.order, items: [] });
    expect(empty.json.error.fieldErrors.items).toEqual(["An order needs at least one item."]);
    expect(await db.order.count()).toBe(0);
    expect(await db.buyer.count()).toBe(0);
  });

  it("API-1 NF-3 a failure after the first writes leaves no half-written order, buyer or event", async () => {
    // A real database failure inside the proactive message (the last write of the request).
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_proactive() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'proactive message failed'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_proactive BEFORE INSERT ON "ProactiveMessage" FOR EACH ROW EXECUTE FUNCTION fail_proactive()`);
    const response = await postOrder(API_V1_EXAMPLES.order);
    expect(response.status).toBe(500);
    expect(response.json.error).toEqual({ code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." });
    expect(await db.order.count()).toBe(0);
    expect(await db.orderItem.count()).toBe(0);
    expect(await db.orderEvent.count()).toBe(0);
    expect(await db.buyer.count()).toBe(0);
    expect(await db.message.count()).toBe(0);
  });
});

describe("API-1 AUTO-6 order status events", () => {
  it("AUTO-6 sends one proactive message per new shipped, out_for_delivery, delayed or delivered event", async () => {
    await postOrder(API_V1_EXAMPLES.order);
    expect(await proactiveBodies()).toEqual(["shipped ORD-30001"]);

    const event = await postEvent("ORD-30001", API_V1_EXAMPLES.orderEvent);
    expect(event.status).toBe(201);
    expect(event.json).toMatchObject({ created: true, data: { status: "out_for_delivery" } });
    const replay = await postEvent("ORD-30001", API_V1_EXAMPLES.orderEvent);
    expect(replay.status).toBe(200);
    expect(replay.json.created).toBe(false);
    await postEvent("ORD-30001", { status: "delayed", occurredAt: "2026-02-02T15:00:00Z", note: "Weather" });
    await postEvent("ORD-30001", { status: "delivered", occurredAt: "2026-02-03T09:00:00Z" });

    expect(await proactiveBodies()).toEqual(["shipped ORD-30001", "out_for_delivery ORD-30001", "delayed ORD-30001", "delivered ORD-30001"]);
    // No session was opened by any of them.
    expect(await db.chatSession.count()).toBe(0);
    expect(await db.orderEvent.count()).toBe(5);
    const order = await db.order.findFirstOrThrow();
    expect(order.status).toBe("delivered");
    expect(order.deliveredAt).toEqual(new Date("2026-02-03T09:00:00Z"));
  });

  it("AUTO-6 a late, older event joins the history without moving the status back", async () => {
    await postOrder({ ...API_V1_EXAMPLES.order, status: "delivered", events: [{ status: "delivered", occurredAt: "2026-02-05T09:00:00Z" }] });
    const late = await postEvent("ORD-30001", { status: "shipped", occurredAt: "2026-02-01T09:00:00Z" });
    expect(late.status).toBe(201);
    expect(late.json.data.status).toBe("delivered");
    // The late "shipped" is old news: only "delivered" was sent.
    expect(await proactiveBodies()).toEqual(["delivered ORD-30001"]);
  });

  it("API-1 an event for an unknown order is 404 and an invalid one is 400", async () => {
    const unknown = await postEvent("ORD-404", API_V1_EXAMPLES.orderEvent);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("No order ORD-404 in this shop. Upsert the order first.");
    await postOrder(API_V1_EXAMPLES.order);
    const invalid = await postEvent("ORD-30001", { status: "shipped" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fieldErrors.occurredAt).toBeDefined();
  });

  it("API-1 another shop's token cannot add events to this shop's order", async () => {
    await postOrder(API_V1_EXAMPLES.order);
    const otherToken = await issueToken(db, (await createShop(db)).id);
    const response = await callRoute(orderEventsRoute.POST, {
      url: "/api/v1/orders/ORD-30001/events",
      token: otherToken,
      body: API_V1_EXAMPLES.orderEvent,
      params: { externalId: "ORD-30001" },
    });
    expect(response.status).toBe(404);
    expect(await db.orderEvent.count()).toBe(2);
  });
});

describe("API-1 vouchers", () => {
  it("API-1 creates and updates a voucher by externalId", async () => {
    const created = await postVoucher(API_V1_EXAMPLES.voucher);
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ code: "SPRING10", quantity: 500, claimedCount: 0, discountType: "percentage", discountValue: 10 });
    const updated = await postVoucher({ ...API_V1_EXAMPLES.voucher, quantity: 600, title: "10% off, extended" });
    expect(updated.status).toBe(200);
    expect(updated.json.data).toMatchObject({ id: created.json.data.id, quantity: 600, title: "10% off, extended" });
  });

  it("API-1 validates dates, percentages and never lets quantity drop below the claims", async () => {
    const invalid = await postVoucher({ ...API_V1_EXAMPLES.voucher, discountValue: 150, endsAt: "2026-02-01T00:00:00Z" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fieldErrors).toEqual({ discountValue: ["A percentage discount is at most 100."], endsAt: ["Must be after startsAt."] });

    const created = await postVoucher(API_V1_EXAMPLES.voucher);
    await db.voucher.update({ where: { id: created.json.data.id }, data: { claimedCount: 7 } });
    const tooFew = await postVoucher({ ...API_V1_EXAMPLES.voucher, quantity: 6 });
    expect(tooFew.status).toBe(400);
    expect(tooFew.json.error.fieldErrors.quantity).toEqual(["Buyers have already claimed 7; the quantity cannot be lower."]);
    expect((await postVoucher({ ...API_V1_EXAMPLES.voucher, quantity: 7 })).status).toBe(200);
  });
});
