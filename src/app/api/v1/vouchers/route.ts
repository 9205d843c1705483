// API-1: POST /api/v1/vouchers — upsert a seller voucher by externalId.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { upsertVoucher } from "@/server/services/integration/upsert-voucher";
import { VoucherUpsertSchema } from "@/shared/api-v1-schemas";

export const POST = defineApiRoute({
  auth: "token",
  body: VoucherUpsertSchema,
  handler: async ({ db, token, body }) => {
    const { voucher, created } = await upsertVoucher(db, { shopId: token.shopId, voucher: body });
    return { status: created ? 201 : 200, body: { data: voucher, created } };
  },
});
