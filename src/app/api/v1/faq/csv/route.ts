// AUTO-3, API-1: GET /api/v1/faq/csv exports the library as CSV (docs/faq.md); POST imports a
// file given as {"csv": "…"}: all rows or none, bad rows named by line in fieldErrors.csv.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { exportFaqCsv, importFaqCsv } from "@/server/services/faq/library";
import { importRefusal } from "@/server/services/faq/import-errors";
import { FaqImportSchema } from "@/shared/api-v1-faq";

export const POST = defineApiRoute({
  auth: "token",
  body: FaqImportSchema,
  handler: async ({ db, token, body }) => {
    const result = await importFaqCsv(db, { scope: { apiTokenShopId: token.shopId }, csv: body.csv });
    if (!result.ok) throw importRefusal(result.errors);
    return { body: { data: { created: result.created, updated: result.updated } } };
  },
});

export const GET = defineApiRoute({
  auth: "token",
  handler: async ({ db, token }) => {
    const csv = await exportFaqCsv(db, { scope: { apiTokenShopId: token.shopId } });
    return {
      body: {},
      raw: new Response(csv, {
        status: 200,
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="faq.csv"', "cache-control": "no-store" },
      }),
    };
  },
});
