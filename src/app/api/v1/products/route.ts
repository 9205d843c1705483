// API-1: POST /api/v1/products — upsert a product by externalId.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { upsertProduct } from "@/server/services/integration/upsert-product";
import { ProductUpsertSchema } from "@/shared/api-v1-schemas";

export const POST = defineApiRoute({
  auth: "token",
  body: ProductUpsertSchema,
  handler: async ({ db, token, body }) => {
    const { product, created } = await upsertProduct(db, { shopId: token.shopId, product: body });
    return { status: created ? 201 : 200, body: { data: product, created } };
  },
});
