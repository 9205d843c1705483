// Card snapshots for Message.payload (CHAT-2, CONSOLE-7): what a product, order or voucher looked
// like when the agent sent it. Pure functions of the row; the messaging service stores the result
// as a product_card, order_card or voucher_card message.
import {
  ORDER_STATUS_LABELS,
  formatDiscount,
  formatMoney,
  type OrderCardPayload,
  type OrderStatusDto,
  type ProductCardPayload,
  type VoucherCardPayload,
  type VoucherDiscountTypeDto,
} from "@/shared/workbench";

export interface ProductCardSource {
  id: string;
  externalId: string;
  name: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
}

export interface OrderCardSource {
  id: string;
  externalId: string;
  status: OrderStatusDto;
  totalCents: number;
  currency: string;
  placedAt: Date;
  carrier: string | null;
  trackingNumber: string | null;
  items: Array<{ name: string; quantity: number; priceCents: number }>;
}

export interface VoucherCardSource {
  id: string;
  title: string;
  code: string;
  discountType: VoucherDiscountTypeDto;
  discountValue: number;
  minSpendCents: number;
  currency: string;
  startsAt: Date;
  endsAt: Date;
  quantity: number;
  claimedCount: number;
}

export function buildProductCard(product: ProductCardSource): ProductCardPayload {
  return {
    type: "product",
    version: 1,
    productId: product.id,
    externalId: product.externalId,
    name: product.name,
    priceCents: product.priceCents,
    currency: product.currency,
    priceLabel: formatMoney(product.priceCents, product.currency),
    imageUrl: product.imageUrl,
    url: product.url,
  };
}

export function buildOrderCard(order: OrderCardSource): OrderCardPayload {
  return {
    type: "order",
    version: 1,
    orderId: order.id,
    orderNumber: order.externalId,
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status],
    totalCents: order.totalCents,
    currency: order.currency,
    totalLabel: formatMoney(order.totalCents, order.currency),
    placedAt: order.placedAt.toISOString(),
    items: order.items.map((item) => ({ name: item.name, quantity: item.quantity, priceCents: item.priceCents })),
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
  };
}

export function buildVoucherCard(voucher: VoucherCardSource): VoucherCardPayload {
  return {
    type: "voucher",
    version: 1,
    voucherId: voucher.id,
    title: voucher.title,
    code: voucher.code,
    discountType: voucher.discountType,
    discountValue: voucher.discountValue,
    discountLabel: formatDiscount(voucher),
    minSpendCents: voucher.minSpendCents,
    minSpendLabel: voucher.minSpendCents > 0 ? `Min. spend ${formatMoney(voucher.minSpendCents, voucher.currency)}` : null,
    currency: voucher.currency,
    startsAt: voucher.startsAt.toISOString(),
    endsAt: voucher.endsAt.toISOString(),
    remaining: Math.max(voucher.quantity - voucher.claimedCount, 0),
  };
}
