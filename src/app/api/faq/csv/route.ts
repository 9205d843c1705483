// AUTO-3: GET /api/faq/csv downloads the library as CSV (faq:read); POST {csv} imports a file
// (faq:manage): all rows or none, each bad row named by line in fieldErrors.csv.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { exportFaqCsv, importFaqCsv } from "@/server/services/faq/library";
import { importRefusal } from "@/server/services/faq/import-errors";
import { FaqImportSchema } from "@/shared/api-v1-faq";

export const GET = defineMemberRoute({
  action: "faq:read",
  handler: async ({ member }) => {
    const csv = await callService(exportFaqCsv, { scope: { member } });
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="faq.csv"', "cache-control": "no-store" } });
  },
});

export const POST = defineMemberRoute({
  action: "faq:manage",
  body: FaqImportSchema,
  handler: async ({ member, body }) => {
    const result = await callService(importFaqCsv, { scope: { member }, csv: body.csv });
    if (!result.ok) throw importRefusal(result.errors);
    return { created: result.created, updated: result.updated };
  },
});
