// The demo storefront's reads (WIDGET-1, WIDGET-2): it stands in for a shop's own server, so it
// reads the demo shop's catalogue, customers and orders directly. Grouped in one file because
// they are one use case, "show the demo store", and nothing else calls them.
import type { Database } from "@/server/db/client";
import { DEMO_SHOP_PUBLIC_KEY } from "@/server/seed/demo-shop";

export function findDemoShop(db: Database, _input: Record<string, never> = {}) {
  return db.shop.findUnique({ where: { publicKey: DEMO_SHOP_PUBLIC_KEY } });
}

export function listDemoProducts(db: Database, input: { shopId: string }) {
  return db.product.findMany({ where: { shopId: input.shopId, status: { not: "unlisted" } }, orderBy: { externalId: "asc" }, take: 200 });
}

export function findDemoProduct(db: Database, input: { shopId: string; sku: string }) {
  return db.product.findFirst({ where: { shopId: input.shopId, externalId: input.sku.toUpperCase(), status: { not: "unlisted" } } });
}

export function listDemoCustomers(db: Database, input: { shopId: string }) {
  return db.buyer.findMany({
    where: { shopId: input.shopId, externalId: { not: null } },
    orderBy: { externalId: "asc" },
    select: { externalId: true, nickname: true },
    take: 100,
  });
}

export function findDemoCustomer(db: Database, input: { shopId: string; externalId: string }) {
  return db.buyer.findFirst({ where: { shopId: input.shopId, externalId: input.externalId }, select: { id: true, externalId: true, nickname: true, email: true } });
}

export function listDemoOrders(db: Database, input: { shopId: string; buyerId: string }) {
  return db.order.findMany({ where: { shopId: input.shopId, buyerId: input.buyerId }, orderBy: { placedAt: "desc" }, take: 100 });
}

export function findDemoOrder(db: Database, input: { shopId: string; externalId: string }) {
  return db.order.findFirst({
    where: { shopId: input.shopId, externalId: input.externalId.toUpperCase() },
    include: { items: true, buyer: { select: { externalId: true, nickname: true } } },
  });
}
