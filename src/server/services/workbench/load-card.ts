// What the messaging service calls before storing a card message (card:send, voucher:send):
// loads the record in the member's shop, checks it may be sent, and returns the snapshot.
// Cards are about the chat's buyer: an order card must be one of that buyer's orders.
import { AppError } from "@/core/errors";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderCardPayload, ProductCardPayload, VoucherCardPayload } from "@/shared/workbench";
import { buildOrderCard, buildProductCard, buildVoucherCard } from "./cards";

/** The client or a transaction: the messaging service can load the card inside its own transaction. */
type DbOrTx = Prisma.TransactionClient;

export async function loadProductCard(db: DbOrTx, input: { shopId: string; productId: string }): Promise<ProductCardPayload> {
  const product = await db.product.findFirst({ where: { id: input.productId, shopId: input.shopId } });
  if (!product) throw new AppError("NOT_FOUND", "This product does not exist.");
  if (product.status !== "live") throw new AppError("CONFLICT", "This product is not live, so it cannot be sent.");
  return buildProductCard(product);
}

export async function loadOrderCard(db: DbOrTx, input: { shopId: string; orderId: string; buyerId: string }): Promise<OrderCardPayload> {
  const order = await db.order.findFirst({
    where: { id: input.orderId, shopId: input.shopId, buyerId: input.buyerId },
    include: { items: { orderBy: [{ name: "asc" }, { id: "asc" }] } },
  });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist or belongs to another buyer.");
  return buildOrderCard(order);
}

export async function loadVoucherCard(db: DbOrTx, input: { shopId: string; voucherId: string; now?: Date }): Promise<VoucherCardPayload> {
  const now = input.now ?? new Date();
  const voucher = await db.voucher.findFirst({ where: { id: input.voucherId, shopId: input.shopId } });
  if (!voucher) throw new AppError("NOT_FOUND", "This voucher does not exist.");
  if (voucher.endsAt <= now) throw new AppError("GONE", "This voucher has expired.");
  if (voucher.startsAt > now) throw new AppError("CONFLICT", "This voucher is not available yet.");
  if (voucher.claimedCount >= voucher.quantity) throw new AppError("GONE", "This voucher has run out.");
  return buildVoucherCard(voucher);
}
