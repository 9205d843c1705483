// AUTO-3, API-1: GET /api/v1/faq/{id} reads one FAQ entry; DELETE removes it.
import { AppError } from "@/core/errors";
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { deleteFaqEntry, getFaqEntry } from "@/server/services/faq/library";
import { FaqIdSchema } from "@/shared/api-v1-faq";

function idOf(params: Record<string, string | string[]>): string {
  const parsed = FaqIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Not a valid FAQ id.", { id: parsed.error.issues.map((issue) => issue.message) });
  return parsed.data;
}

export const GET = defineApiRoute({
  auth: "token",
  handler: async ({ db, token, params }) => ({ body: { data: await getFaqEntry(db, { scope: { apiTokenShopId: token.shopId }, id: idOf(params) }) } }),
});

export const DELETE = defineApiRoute({
  auth: "token",
  handler: async ({ db, token, params }) => ({ body: { data: await deleteFaqEntry(db, { scope: { apiTokenShopId: token.shopId }, id: idOf(params) }) } }),
});
