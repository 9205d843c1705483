// CONSOLE-7, SET-5: every order of the chat's buyer, newest first, with status, items, amount,
// the status history and the carrier's contact details.
import { AppError } from "@/core/errors";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import type { WorkbenchOrderDto, WorkbenchOrdersResponse } from "@/shared/workbench";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";

const ORDER_INCLUDE = {
  items: { orderBy: [{ name: "asc" }, { id: "asc" }], include: { product: { select: { imageUrl: true } } } },
  events: { orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }] },
} satisfies Prisma.OrderInclude;

export async function listBuyerOrders(
  db: Database,
  input: { member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">; conversationId: string; cursor?: string; limit: number },
): Promise<WorkbenchOrdersResponse> {
  const conversation = await loadVisibleConversation(db, input.member, input.conversationId);
  const buyer = await db.buyer.findUniqueOrThrow({ where: { id: conversation.buyerId }, select: { id: true, nickname: true, externalId: true } });
  const where = { shopId: conversation.shopId, buyerId: buyer.id };
  if (input.cursor && !(await db.order.findFirst({ where: { ...where, id: input.cursor }, select: { id: true } }))) {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
  const rows = await db.order.findMany({
    where,
    include: ORDER_INCLUDE,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    buyer,
    orders: page.map((order): WorkbenchOrderDto => ({
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
      placedAt: order.placedAt.toISOString(),
      deliveredAt: order.deliveredAt?.toISOString() ?? null,
      items: order.items.map((item) => ({
        id: item.id,
        productId: item.productId,
        name: item.name,
        quantity: item.quantity,
        priceCents: item.priceCents,
        imageUrl: item.product?.imageUrl ?? null,
      })),
      logistics:
        order.carrier || order.carrierPhone || order.carrierEmail || order.trackingNumber
          ? { carrier: order.carrier, phone: order.carrierPhone, email: order.carrierEmail, trackingNumber: order.trackingNumber }
          : null,
      events: order.events.map((event) => ({ status: event.status, occurredAt: event.occurredAt.toISOString(), note: event.note })),
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}
