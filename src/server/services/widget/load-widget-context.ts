// WIDGET-2, WIDGET-3: what the widget needs besides the messages: the buyer's latest session
// (state, agent's public identity, rating), how far the shop has read, the vouchers they claimed
// (so a card says "Claimed" after a reload), the shop's availability (WIDGET-4: an agent online,
// the queue position and expected wait, the offline message), and the product or order
// the page shows. Buyer-scoped: a buyer sees only their own orders and the shop's listed
// products; agents appear by nickname and avatar only (TEAM-6).
import type { Database } from "@/server/db/client";
import { SESSION_ASSIGNEE_INCLUDE, toWidgetSessionDto } from "@/server/services/messaging/message-dto";
import type { WidgetContextDto } from "@/shared/widget";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import { loadWidgetAvailability } from "@/server/services/widget/shop-availability";

/** More claims than cards a thread plausibly shows; older cards fall back to "already claimed" on click. */
export const CLAIMED_VOUCHERS_LIMIT = 500;

export async function loadWidgetContext(
  db: Database,
  input: { shopId: string; buyerId: string; productExternalId?: string; orderExternalId?: string },
  routing?: RoutingContext,
): Promise<WidgetContextDto> {
  const conversation = await db.conversation.findFirst({
    where: { shopId: input.shopId, buyerId: input.buyerId },
    select: { id: true, lastSeq: true, shopReadSeq: true, buyerReadSeq: true, activeSessionId: true },
  });
  const session = conversation
    ? await db.chatSession.findFirst({
        where: conversation.activeSessionId ? { id: conversation.activeSessionId } : { conversationId: conversation.id },
        orderBy: { queuedAt: "desc" },
        include: SESSION_ASSIGNEE_INCLUDE,
      })
    : null;
  const product = input.productExternalId
    ? await db.product.findFirst({ where: { shopId: input.shopId, externalId: input.productExternalId, status: { not: "unlisted" } } })
    : null;
  const order = input.orderExternalId
    ? await db.order.findFirst({
        where: { shopId: input.shopId, buyerId: input.buyerId, externalId: input.orderExternalId },
        include: { items: { orderBy: [{ name: "asc" }, { id: "asc" }] } },
      })
    : null;
  const claims = await db.voucherClaim.findMany({
    where: { buyerId: input.buyerId, voucher: { shopId: input.shopId } },
    orderBy: { claimedAt: "desc" },
    take: CLAIMED_VOUCHERS_LIMIT,
    select: { voucherId: true },
  });
  const availability = await loadWidgetAvailability(db, {
    shopId: input.shopId,
    queuedSession: session?.state === "queued" ? { id: session.id, queuedAt: session.queuedAt } : null,
  }, routing);
  return {
    session: session ? toWidgetSessionDto(session) : null,
    availability,
    claimedVoucherIds: claims.map((claim) => claim.voucherId),
    shopReadSeq: conversation?.shopReadSeq ?? 0,
    buyerReadSeq: conversation?.buyerReadSeq ?? 0,
    lastSeq: conversation?.lastSeq ?? 0,
    product: product
      ? {
          id: product.id,
          externalId: product.externalId,
          name: product.name,
          priceCents: product.priceCents,
          currency: product.currency,
          imageUrl: product.imageUrl,
          url: product.url,
          isSoldOut: product.status === "sold_out" || product.stock <= 0,
        }
      : null,
    order: order
      ? {
          id: order.id,
          externalId: order.externalId,
          status: order.status,
          totalCents: order.totalCents,
          currency: order.currency,
          placedAt: order.placedAt.toISOString(),
          items: order.items.map((item) => ({ name: item.name, quantity: item.quantity, priceCents: item.priceCents })),
        }
      : null,
  };
}
