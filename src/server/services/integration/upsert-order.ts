// API-1: create or update an order by the shop's order number, with its items and status events,
// in one transaction (NF-3: never a half-written order). The buyer is named by the shop's own
// customer id and created on first sight. Items are replaced; events are appended once each.
import type { Database } from "@/server/db/client";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import type { OrderOut, OrderUpsertInput } from "@/shared/api-v1-schemas";
import { ORDER_OUT_INCLUDE, toOrderOut } from "./api-dto";
import { lockOrder, recordOrderEvents } from "./record-order-events";
import { refreshOrderFacts } from "@/server/services/analytics/facts";

export async function upsertOrder(
  db: Database,
  input: { shopId: string; order: OrderUpsertInput },
): Promise<ServiceResult<{ order: OrderOut; created: boolean; recordedEvents: number }>> {
  const { shopId, order } = input;
  return db.$transaction(
    async (tx) => {
      // A buyer seen for the first time is created with the payload's nickname; an existing
      // buyer keeps theirs (the widget or the buyer may have set it).
      await tx.buyer.createMany({
        data: [{ shopId, externalId: order.buyer.externalId, nickname: order.buyer.nickname, email: order.buyer.email }],
        skipDuplicates: true,
      });
      const buyer = await tx.buyer.findUniqueOrThrow({
        where: { shopId_externalId: { shopId, externalId: order.buyer.externalId } },
        select: { id: true },
      });

      const fields = {
        buyerId: buyer.id,
        status: order.status,
        totalCents: order.totalCents,
        currency: order.currency,
        placedAt: new Date(order.placedAt),
        deliveredAt: order.deliveredAt === undefined ? undefined : order.deliveredAt === null ? null : new Date(order.deliveredAt),
        carrier: order.carrier,
        carrierPhone: order.carrierPhone,
        carrierEmail: order.carrierEmail,
        trackingNumber: order.trackingNumber,
      };
      const inserted = await tx.order.createMany({ data: [{ shopId, externalId: order.externalId, ...fields }], skipDuplicates: true });
      const created = inserted.count === 1;
      const locked = await lockOrder(tx, shopId, order.externalId);
      if (!locked) throw new Error(`order ${order.externalId} vanished inside its own upsert`);
      if (!created) {
        await tx.order.update({ where: { id: locked.id }, data: fields });
        await tx.orderItem.deleteMany({ where: { orderId: locked.id } });
        locked.buyerId = buyer.id;
      }

      const productExternalIds = [...new Set(order.items.flatMap((item) => (item.productExternalId ? [item.productExternalId] : [])))];
      const products = productExternalIds.length
        ? await tx.product.findMany({ where: { shopId, externalId: { in: productExternalIds } }, select: { id: true, externalId: true } })
        : [];
      const productIdByExternalId = new Map(products.map((product) => [product.externalId, product.id]));
      await tx.orderItem.createMany({
        data: order.items.map((item) => ({
          orderId: locked.id,
          productId: item.productExternalId ? productIdByExternalId.get(item.productExternalId) ?? null : null,
          name: item.name,
          quantity: item.quantity,
          priceCents: item.priceCents,
        })),
      });

      const { recorded, outgoing } = await recordOrderEvents(tx, locked, order.events ?? []);
      // Analytics (issue 11 item 5): the order's attribution, amount and status, in this transaction.
      await refreshOrderFacts(tx, shopId, [locked.id]);
      const row = await tx.order.findUniqueOrThrow({ where: { id: locked.id }, include: ORDER_OUT_INCLUDE });
      return serviceResult({ order: toOrderOut(row), created, recordedEvents: recorded.length }, outgoing);
    },
    { timeout: 15_000 },
  );
}
