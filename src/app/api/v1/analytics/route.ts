// API-1, ANALYTICS-1..4: GET /api/v1/analytics?preset=7d | ?from=YYYY-MM-DD&to=YYYY-MM-DD — the
// shop's figures for a range, the same as the page and its CSV (docs/api.md, docs/analytics.md).
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { buildAnalytics } from "@/server/services/analytics/read-analytics";
import { analyticsQuerySchema } from "@/shared/analytics";

export const GET = defineApiRoute({
  auth: "token",
  query: analyticsQuerySchema,
  handler: async ({ db, token, query }) => ({ body: { data: await buildAnalytics(db, { shopId: token.shopId, query, now: new Date() }) } }),
});
