// Card snapshots stored in Message.payload (CHAT-2, CONSOLE-7).
import type { Order, OrderItem, Product, Voucher } from "@/generated/prisma/client";

export function buildProductCard(product: Product) {
  return {
    productId: product.id,
    externalId: product.externalId,
    name: product.name,
    priceCents: product.priceCents,
    currency: product.currency,
    imageUrl: product.imageUrl,
    url: product.url,
    status: product.status,
  };
}

export function buildOrderCard(order: Order & { items: OrderItem[] }) {
  return {
    orderId: order.id,
    externalId: order.externalId,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    placedAt: order.placedAt.toISOString(),
    items: order.items.map((item) => ({ name: item.name, quantity: item.quantity, priceCents: item.priceCents })),
  };
}

export function buildVoucherCard(voucher: Voucher) {
  return {
    voucherId: voucher.id,
    code: voucher.code,
    title: voucher.title,
    discountType: voucher.discountType,
    discountValue: voucher.discountValue,
    minSpendCents: voucher.minSpendCents,
    currency: voucher.currency,
    startsAt: voucher.startsAt.toISOString(),
    endsAt: voucher.endsAt.toISOString(),
  };
}
