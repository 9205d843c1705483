// The workbench beside the chat (CONSOLE-7, SET-5): what its routes return and the card
// snapshots stored in Message.payload for product_card, order_card and voucher_card messages.
// Shared by the server, the console and the buyer widget, so it holds types and zod only.
import { z } from "zod";
import { safeLine } from "@/shared/zod-primitives";

export type OrderStatusDto = "unpaid" | "to_ship" | "shipped" | "out_for_delivery" | "delayed" | "delivered" | "cancelled" | "returned";
export type VoucherDiscountTypeDto = "fixed_amount" | "percentage";

export const WORKBENCH_PAGE_LIMIT_MAX = 100;

/** Query of GET /api/workbench/products. */
export const WorkbenchProductQuerySchema = z.object({
  q: safeLine().trim().max(100, "At most 100 characters.").optional(),
  cursor: z.uuid("Use the nextCursor of the previous page.").optional(),
  limit: z.coerce.number().int().min(1).max(WORKBENCH_PAGE_LIMIT_MAX).default(20),
});

/** Query of GET /api/workbench/conversations/{conversationId}/orders. */
export const WorkbenchOrderQuerySchema = z.object({
  cursor: z.uuid("Use the nextCursor of the previous page.").optional(),
  limit: z.coerce.number().int().min(1).max(WORKBENCH_PAGE_LIMIT_MAX).default(20),
});

/** Query of GET /api/workbench/vouchers. */
export const WorkbenchVoucherQuerySchema = z.object({
  conversationId: z.uuid("Not a conversation id.").optional(),
});

/** SET-5: how to reach the carrier about an order. */
export interface CarrierContactDto {
  carrier: string | null;
  phone: string | null;
  email: string | null;
  trackingNumber: string | null;
}

export interface WorkbenchOrderItemDto {
  id: string;
  productId: string | null;
  name: string;
  quantity: number;
  priceCents: number;
  imageUrl: string | null;
}

export interface WorkbenchOrderDto {
  id: string;
  /** The shop's order number. */
  externalId: string;
  status: OrderStatusDto;
  totalCents: number;
  currency: string;
  placedAt: string;
  deliveredAt: string | null;
  items: WorkbenchOrderItemDto[];
  /** null when the order has no carrier details at all. */
  logistics: CarrierContactDto | null;
  /** Status history, newest first. */
  events: Array<{ status: OrderStatusDto; occurredAt: string; note: string | null }>;
}

export interface WorkbenchOrdersResponse {
  buyer: { id: string; nickname: string; externalId: string | null };
  orders: WorkbenchOrderDto[];
  nextCursor: string | null;
}

export interface WorkbenchProductDto {
  id: string;
  externalId: string;
  name: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
  stock: number;
}

export interface WorkbenchProductsResponse {
  products: WorkbenchProductDto[];
  nextCursor: string | null;
}

export interface WorkbenchVoucherDto {
  id: string;
  code: string;
  title: string;
  discountType: VoucherDiscountTypeDto;
  discountValue: number;
  discountLabel: string;
  minSpendCents: number;
  currency: string;
  quantity: number;
  remaining: number;
  startsAt: string;
  endsAt: string;
  /** Whether the conversation's buyer has claimed it; null without a conversation. */
  isClaimedByBuyer: boolean | null;
}

export interface WorkbenchVouchersResponse {
  vouchers: WorkbenchVoucherDto[];
}

// ─── Card snapshots (Message.payload) ────────────────────────────────────────
// A card is a snapshot: the chat shows what the agent sent even after the product, order or
// voucher changes. `version` lets a later card shape coexist with stored ones.

export const ProductCardSchema = z.object({
  type: z.literal("product"),
  version: z.literal(1),
  productId: z.string(),
  externalId: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  priceLabel: z.string(),
  imageUrl: z.string().nullable(),
  url: z.string().nullable(),
});

export const OrderCardSchema = z.object({
  type: z.literal("order"),
  version: z.literal(1),
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  totalCents: z.number().int(),
  currency: z.string(),
  totalLabel: z.string(),
  placedAt: z.string(),
  items: z.array(z.object({ name: z.string(), quantity: z.number().int(), priceCents: z.number().int() })),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});

export const VoucherCardSchema = z.object({
  type: z.literal("voucher"),
  version: z.literal(1),
  voucherId: z.string(),
  title: z.string(),
  code: z.string(),
  discountType: z.enum(["fixed_amount", "percentage"]),
  discountValue: z.number().int(),
  discountLabel: z.string(),
  minSpendCents: z.number().int(),
  minSpendLabel: z.string().nullable(),
  currency: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Remaining when the card was sent; the widget asks the server before a claim. */
  remaining: z.number().int(),
});

export type ProductCardPayload = z.infer<typeof ProductCardSchema>;
export type OrderCardPayload = z.infer<typeof OrderCardSchema>;
export type VoucherCardPayload = z.infer<typeof VoucherCardSchema>;

export const ORDER_STATUS_LABELS: Record<OrderStatusDto, string> = {
  unpaid: "Unpaid",
  to_ship: "To ship",
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  delayed: "Delayed",
  delivered: "Delivered",
  cancelled: "Cancelled",
  returned: "Returned",
};

/** "$12.90"; an unknown currency code falls back to "12.90 XYZ" rather than throwing. */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function formatDiscount(voucher: { discountType: VoucherDiscountTypeDto; discountValue: number; currency: string }): string {
  return voucher.discountType === "percentage"
    ? `${voucher.discountValue}% off`
    : `${formatMoney(voucher.discountValue, voucher.currency)} off`;
}
