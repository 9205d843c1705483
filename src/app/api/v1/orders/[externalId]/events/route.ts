// API-1, AUTO-6: POST /api/v1/orders/{externalId}/events — record one order status event.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { requireTextParam } from "@/server/services/integration/parse-request";
import { recordOrderEvent } from "@/server/services/integration/record-order-event";
import { OrderEventInputSchema } from "@/shared/api-v1-schemas";

export const POST = defineApiRoute({
  auth: "token",
  body: OrderEventInputSchema,
  handler: async ({ db, token, body, params }) => {
    const orderExternalId = requireTextParam(params, "externalId", "order");
    const { data, events, drain } = await recordOrderEvent(db, { shopId: token.shopId, orderExternalId, event: body });
    return { status: data.created ? 201 : 200, body: { data: data.order, created: data.created }, events, drain };
  },
});
