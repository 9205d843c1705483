// API-1: POST /api/v1/orders — upsert an order with its items and status events by externalId.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { upsertOrder } from "@/server/services/integration/upsert-order";
import { OrderUpsertSchema } from "@/shared/api-v1-schemas";

export const POST = defineApiRoute({
  auth: "token",
  body: OrderUpsertSchema,
  handler: async ({ db, token, body }) => {
    const { data, events, drain } = await upsertOrder(db, { shopId: token.shopId, order: body });
    return { status: data.created ? 201 : 200, body: { data: data.order, created: data.created, recordedEvents: data.recordedEvents }, events, drain };
  },
});
