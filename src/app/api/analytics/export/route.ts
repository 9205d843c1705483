// ANALYTICS-4: GET /api/analytics/export?preset=… | ?from=…&to=… — the daily breakdown and the
// per-agent table as CSV, with the numbers of GET /api/analytics for the same range.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { exportAnalyticsCsv } from "@/server/services/analytics/export-analytics-csv";

export const GET = defineMemberRoute({
  action: "analytics:export",
  handler: async ({ member, request }) => {
    const file = await callService(exportAnalyticsCsv, { actor: member, query: Object.fromEntries(new URL(request.url).searchParams) });
    return new Response(file.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  },
});
