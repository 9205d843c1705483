// CONSOLE-7, SET-5: the workbench beside the chat — the buyer's orders with carrier contacts,
// live product search, available vouchers, the voucher claim and the card snapshots.
import { beforeEach, describe, expect, it } from "vitest";
import type { MemberRole } from "../../src/generated/prisma/enums";
import { buildOrderCard, buildProductCard, buildVoucherCard } from "../../src/server/services/workbench/cards";
import { claimVoucher } from "../../src/server/services/workbench/claim-voucher";
import { listAvailableVouchers } from "../../src/server/services/workbench/list-available-vouchers";
import { listBuyerOrders } from "../../src/server/services/workbench/list-buyer-orders";
import { loadOrderCard, loadProductCard, loadVoucherCard } from "../../src/server/services/workbench/load-card";
import { searchLiveProducts } from "../../src/server/services/workbench/search-live-products";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { createConversation } from "./api-v1-support";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;

function actor(member: { id: string; shopId: string; role: MemberRole }, chatAccessRoles: MemberRole[] = ["owner", "admin"]) {
  return { memberId: member.id, shopId: member.shopId, role: member.role, chatAccessRoles };
}

async function createProduct(shopId: string, externalId: string, name: string, status: "live" | "unlisted" | "sold_out" = "live") {
  return db.product.create({ data: { shopId, externalId, name, priceCents: 1000, status, stock: 5 } });
}

async function createOrder(shopId: string, buyerId: string, externalId: string, options: { placedAt: Date; status?: "shipped" | "delivered"; carrier?: boolean }) {
  return db.order.create({
    data: {
      shopId,
      buyerId,
      externalId,
      status: options.status ?? "shipped",
      totalCents: 2590,
      placedAt: options.placedAt,
      carrier: options.carrier ? "J&T Express" : null,
      carrierPhone: options.carrier ? "+1 800 555 0142" : null,
      carrierEmail: options.carrier ? "care@jt.example" : null,
      trackingNumber: options.carrier ? "JT123" : null,
      items: { create: [{ name: "Kettle", quantity: 1, priceCents: 2000 }, { name: "Cup", quantity: 2, priceCents: 295 }] },
      events: { create: [{ status: "to_ship", occurredAt: options.placedAt }, { status: options.status ?? "shipped", occurredAt: new Date(options.placedAt.getTime() + DAY) }] },
    },
  });
}

// Public by default: these tests are about counts, dates and races; who may claim a voucher that
// was not sent to them (WIDGET-3) is tested in widget-trust.test.ts.
async function createVoucher(shopId: string, overrides: Partial<{ externalId: string; quantity: number; claimedCount: number; startsAt: Date; endsAt: Date; isPublic: boolean }> = {}) {
  return db.voucher.create({
    data: {
      shopId,
      isPublic: overrides.isPublic ?? true,
      externalId: overrides.externalId ?? `V-${Math.random().toString(36).slice(2, 8)}`,
      code: "WELCOME5",
      title: "$5 off",
      discountType: "fixed_amount",
      discountValue: 500,
      minSpendCents: 2500,
      quantity: overrides.quantity ?? 10,
      claimedCount: overrides.claimedCount ?? 0,
      startsAt: overrides.startsAt ?? new Date(NOW.getTime() - DAY),
      endsAt: overrides.endsAt ?? new Date(NOW.getTime() + DAY),
    },
  });
}

describe("CONSOLE-7 SET-5 buyer's orders", () => {
  it("CONSOLE-7 lists every order of the chat's buyer, newest first, with items, amount, history and carrier contact (SET-5)", async () => {
    const shop = await createShop(db);
    const agent = await createMember(db, { shopId: shop.id });
    const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-1", nickname: "mia" });
    const otherBuyer = await createBuyer(db, { shopId: shop.id });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "open", assigneeId: agent.id });
    await createOrder(shop.id, buyer.id, "ORD-1", { placedAt: new Date("2025-01-01T00:00:00Z"), status: "delivered" });
    await createOrder(shop.id, buyer.id, "ORD-2", { placedAt: new Date("2026-03-01T00:00:00Z"), carrier: true });
    await createOrder(shop.id, otherBuyer.id, "ORD-X", { placedAt: new Date("2026-03-02T00:00:00Z") });

    const result = await listBuyerOrders(db, { member: actor(agent), conversationId: conversation.id, limit: 20 });
    expect(result.buyer).toEqual({ id: buyer.id, nickname: "mia", externalId: "cust-1" });
    expect(result.orders.map((order) => order.externalId)).toEqual(["ORD-2", "ORD-1"]);
    expect(result.orders[0]).toMatchObject({
      status: "shipped",
      totalCents: 2590,
      currency: "USD",
      items: [{ name: "Cup", quantity: 2, priceCents: 295 }, { name: "Kettle", quantity: 1, priceCents: 2000 }],
      logistics: { carrier: "J&T Express", phone: "+1 800 555 0142", email: "care@jt.example", trackingNumber: "JT123" },
    });
    expect(result.orders[0]!.events.map((event) => event.status)).toEqual(["shipped", "to_ship"]);
    expect(result.orders[1]!.logistics).toBeNull();
    expect(result.nextCursor).toBeNull();
  });

  it("CONSOLE-7 pages through a long order history", async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner" });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "ended" });
    for (let index = 0; index < 5; index += 1) await createOrder(shop.id, buyer.id, `ORD-${index}`, { placedAt: new Date(Date.UTC(2026, 0, index + 1)) });
    const first = await listBuyerOrders(db, { member: actor(owner), conversationId: conversation.id, limit: 3 });
    expect(first.orders.map((order) => order.externalId)).toEqual(["ORD-4", "ORD-3", "ORD-2"]);
    const second = await listBuyerOrders(db, { member: actor(owner), conversationId: conversation.id, limit: 3, cursor: first.nextCursor! });
    expect(second.orders.map((order) => order.externalId)).toEqual(["ORD-1", "ORD-0"]);
    expect(second.nextCursor).toBeNull();
  });

  it("CONSOLE-7 shows orders only for chats the member may see: own, Unassigned, or all with chat access", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id });
    const ben = await createMember(db, { shopId: shop.id });
    const admin = await createMember(db, { shopId: shop.id, role: "admin" });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const queuedBuyer = await createBuyer(db, { shopId: shop.id });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "open", assigneeId: ava.id });
    const { conversation: queued } = await createConversation(db, { shopId: shop.id, buyerId: queuedBuyer.id, state: "queued" });

    await expect(listBuyerOrders(db, { member: actor(ava), conversationId: conversation.id, limit: 5 })).resolves.toBeTruthy();
    await expect(listBuyerOrders(db, { member: actor(ben), conversationId: conversation.id, limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listBuyerOrders(db, { member: actor(ben), conversationId: queued.id, limit: 5 })).resolves.toBeTruthy();
    await expect(listBuyerOrders(db, { member: actor(admin), conversationId: conversation.id, limit: 5 })).resolves.toBeTruthy();
    // TEAM-5: a shop that grants agents chat access lets Ben see it too.
    await expect(listBuyerOrders(db, { member: actor(ben, ["owner", "admin", "agent"]), conversationId: conversation.id, limit: 5 })).resolves.toBeTruthy();
    // Another shop's owner sees nothing of this one.
    const otherShop = await createShop(db);
    const stranger = await createMember(db, { shopId: otherShop.id, role: "owner" });
    await expect(listBuyerOrders(db, { member: actor(stranger), conversationId: conversation.id, limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("CONSOLE-7 live products", () => {
  it("CONSOLE-7 searches live products by name or externalId, case-insensitively, in pages", async () => {
    const shop = await createShop(db);
    await createProduct(shop.id, "SKU-MUG-01", "Stoneware mug, harbor blue");
    await createProduct(shop.id, "SKU-MUG-02", "Glass tea mug", "sold_out");
    await createProduct(shop.id, "SKU-MUG-03", "Travel MUG", "unlisted");
    await createProduct(shop.id, "SKU-TEA-01", "Sencha green tea");
    await createProduct(shop.id, "SKU-KET-01", "Cast-iron kettle");
    const other = await createShop(db);
    await createProduct(other.id, "SKU-MUG-09", "Other shop's mug");

    const mugs = await searchLiveProducts(db, { shopId: shop.id, q: "MUG", limit: 20 });
    expect(mugs.products.map((product) => product.externalId)).toEqual(["SKU-MUG-01"]);
    const bySku = await searchLiveProducts(db, { shopId: shop.id, q: "sku-tea", limit: 20 });
    expect(bySku.products.map((product) => product.name)).toEqual(["Sencha green tea"]);
    const all = await searchLiveProducts(db, { shopId: shop.id, limit: 2 });
    expect(all.products.map((product) => product.name)).toEqual(["Cast-iron kettle", "Sencha green tea"]);
    const next = await searchLiveProducts(db, { shopId: shop.id, limit: 2, cursor: all.nextCursor! });
    expect(next.products.map((product) => product.name)).toEqual(["Stoneware mug, harbor blue"]);
    expect(next.nextCursor).toBeNull();
  });

  it("CONSOLE-7 treats % and _ in a search as plain characters", async () => {
    const shop = await createShop(db);
    await createProduct(shop.id, "SKU-1", "Plain kettle");
    await createProduct(shop.id, "SKU_2", "50% off mug");
    expect((await searchLiveProducts(db, { shopId: shop.id, q: "%", limit: 20 })).products.map((product) => product.name)).toEqual(["50% off mug"]);
    expect((await searchLiveProducts(db, { shopId: shop.id, q: "_", limit: 20 })).products.map((product) => product.externalId)).toEqual(["SKU_2"]);
  });
});

describe("CONSOLE-7 vouchers and claims", () => {
  it("CONSOLE-7 lists only vouchers within their dates with some left, and which the buyer has claimed", async () => {
    const shop = await createShop(db);
    const agent = await createMember(db, { shopId: shop.id });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const { conversation } = await createConversation(db, { shopId: shop.id, buyerId: buyer.id, state: "open", assigneeId: agent.id });
    const available = await createVoucher(shop.id, { externalId: "ok", quantity: 3, claimedCount: 1 });
    const claimed = await createVoucher(shop.id, { externalId: "claimed", endsAt: new Date(NOW.getTime() + 2 * DAY) });
    await db.voucherClaim.create({ data: { voucherId: claimed.id, buyerId: buyer.id } });
    await createVoucher(shop.id, { externalId: "gone", quantity: 2, claimedCount: 2 });
    await createVoucher(shop.id, { externalId: "expired", endsAt: new Date(NOW.getTime() - 1) });
    await createVoucher(shop.id, { externalId: "future", startsAt: new Date(NOW.getTime() + 1000) });

    const result = await listAvailableVouchers(db, { member: actor(agent), conversationId: conversation.id, now: NOW });
    expect(result.vouchers.map((voucher) => [voucher.id, voucher.remaining, voucher.isClaimedByBuyer])).toEqual([
      [available.id, 2, false],
      [claimed.id, 10, true],
    ]);
    expect(result.vouchers[0]).toMatchObject({ discountLabel: "$5.00 off", minSpendCents: 2500 });
    const withoutChat = await listAvailableVouchers(db, { member: actor(agent), now: NOW });
    expect(withoutChat.vouchers.map((voucher) => voucher.isClaimedByBuyer)).toEqual([null, null]);
  });

  it("CONSOLE-7 a buyer claims a voucher once: the claim is recorded and the count moves", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const voucher = await createVoucher(shop.id, { quantity: 2 });
    const result = await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW });
    expect(result.voucher).toMatchObject({ id: voucher.id, claimedCount: 1, quantity: 2, remaining: 1 });
    expect(result.claim).toMatchObject({ voucherId: voucher.id, buyerId: buyer.id, messageId: null, claimedAt: NOW.toISOString() });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You have already claimed this voucher.",
    });
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).claimedCount).toBe(1);
  });

  it("CONSOLE-7 a voucher that ran out or expired cannot be claimed and nothing is recorded", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const empty = await createVoucher(shop.id, { quantity: 1, claimedCount: 1 });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: empty.id, now: NOW })).rejects.toMatchObject({
      code: "GONE",
      message: "This voucher has run out.",
    });
    const expired = await createVoucher(shop.id, { endsAt: NOW });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: expired.id, now: NOW })).rejects.toMatchObject({
      code: "GONE",
      message: "This voucher has expired.",
    });
    const future = await createVoucher(shop.id, { startsAt: new Date(NOW.getTime() + DAY) });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: future.id, now: NOW })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.voucherClaim.count()).toBe(0);
    // Tenant isolation: another shop's voucher and buyer are not found.
    const other = await createShop(db);
    const foreign = await createVoucher(other.id);
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: foreign.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(claimVoucher(db, { shopId: other.id, buyerId: buyer.id, voucherId: foreign.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("CONSOLE-7 twenty buyers racing for the last three vouchers: exactly three win", async () => {
    const shop = await createShop(db);
    const voucher = await createVoucher(shop.id, { quantity: 3 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => createBuyer(db, { shopId: shop.id })));
    const results = await Promise.allSettled(buyers.map((buyer) => claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const reasons = results.flatMap((result) => (result.status === "rejected" ? [result.reason.message] : []));
    expect(reasons).toEqual(Array(17).fill("This voucher has run out."));
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).claimedCount).toBe(3);
    expect(await db.voucherClaim.count()).toBe(3);
  });

  it("CONSOLE-7 one buyer double-clicking claim gets one claim", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const voucher = await createVoucher(shop.id, { quantity: 5 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).claimedCount).toBe(1);
  });

  it("CONSOLE-7 records the voucher card message the claim came from, only from the buyer's own chat", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const stranger = await createBuyer(db, { shopId: shop.id });
    const voucher = await createVoucher(shop.id);
    await createConversation(db, { shopId: shop.id, buyerId: buyer.id, messages: [{ author: "buyer", body: "hi" }] });
    const { conversation: strangerChat } = await createConversation(db, { shopId: shop.id, buyerId: stranger.id, messages: [{ author: "buyer", body: "hey" }] });
    const message = await db.message.findFirstOrThrow({ where: { conversation: { buyerId: buyer.id } } });
    const strangerMessage = await db.message.findFirstOrThrow({ where: { conversationId: strangerChat.id } });
    await expect(claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, messageId: strangerMessage.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const result = await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, messageId: message.id, now: NOW });
    expect(result.claim.messageId).toBe(message.id);
  });
});

describe("CONSOLE-7 card snapshots", () => {
  it("CONSOLE-7 builds product, order and voucher card payloads", async () => {
    const product = buildProductCard({ id: "p1", externalId: "SKU-1", name: "Kettle", priceCents: 5900, currency: "USD", imageUrl: "/k.jpg", url: "/p/k" });
    expect(product).toEqual({ type: "product", version: 1, productId: "p1", externalId: "SKU-1", name: "Kettle", priceCents: 5900, currency: "USD", priceLabel: "$59.00", imageUrl: "/k.jpg", url: "/p/k" });
    const order = buildOrderCard({
      id: "o1", externalId: "ORD-1", status: "out_for_delivery", totalCents: 2590, currency: "EUR", placedAt: NOW, carrier: "DHL", trackingNumber: "T1",
      items: [{ name: "Cup", quantity: 2, priceCents: 295 }],
    });
    expect(order).toMatchObject({ type: "order", orderNumber: "ORD-1", status: "out_for_delivery", statusLabel: "Out for delivery", totalLabel: "€25.90", items: [{ name: "Cup", quantity: 2, priceCents: 295 }], placedAt: NOW.toISOString() });
    const voucher = buildVoucherCard({
      id: "v1", title: "10% off", code: "SORRY10", discountType: "percentage", discountValue: 10, minSpendCents: 0, currency: "USD",
      startsAt: NOW, endsAt: new Date(NOW.getTime() + DAY), quantity: 20, claimedCount: 5,
    });
    expect(voucher).toMatchObject({ type: "voucher", code: "SORRY10", discountLabel: "10% off", minSpendLabel: null, remaining: 15 });
  });

  it("CONSOLE-7 loads cards only for live products, the buyer's own orders and available vouchers", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const other = await createBuyer(db, { shopId: shop.id });
    const live = await createProduct(shop.id, "SKU-1", "Kettle");
    const unlisted = await createProduct(shop.id, "SKU-2", "Hidden", "unlisted");
    const order = await createOrder(shop.id, buyer.id, "ORD-1", { placedAt: NOW });
    const voucher = await createVoucher(shop.id, { quantity: 1 });
    await expect(loadProductCard(db, { shopId: shop.id, productId: live.id })).resolves.toMatchObject({ name: "Kettle" });
    await expect(loadProductCard(db, { shopId: shop.id, productId: unlisted.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(loadOrderCard(db, { shopId: shop.id, orderId: order.id, buyerId: buyer.id })).resolves.toMatchObject({ orderNumber: "ORD-1", items: [{ name: "Cup" }, { name: "Kettle" }] });
    await expect(loadOrderCard(db, { shopId: shop.id, orderId: order.id, buyerId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadVoucherCard(db, { shopId: shop.id, voucherId: voucher.id, now: NOW })).resolves.toMatchObject({ remaining: 1 });
    await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: voucher.id, now: NOW });
    await expect(loadVoucherCard(db, { shopId: shop.id, voucherId: voucher.id, now: NOW })).rejects.toMatchObject({ code: "GONE", message: "This voucher has run out." });
  });
});
