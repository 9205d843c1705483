// API-1, ANALYTICS-1..4: the response of GET /api/v1/analytics, described in zod for the OpenAPI
// document (the figures are computed by src/core/analytics; this only names their shape).
import { z } from "zod";
import { apiV1Registry } from "@/shared/api-v1-schemas";

const rate = z.number().min(0).max(1).nullable().describe("Part over whole; null when the whole is 0.");
const distribution = z.object({
  count: z.number().int(),
  medianMs: z.number().int().nullable().describe("Nearest-rank median in milliseconds; null without samples."),
  p90Ms: z.number().int().nullable().describe("Nearest-rank 90th percentile in milliseconds."),
});

export const AnalyticsFiguresSchema = z.object({
  responseRate: z.object({ replied: z.number().int(), opened: z.number().int(), rate }).describe("ANALYTICS-1: buyer-opened chats answered by a person within 24 h."),
  satisfaction: z.object({ satisfied: z.number().int(), rated: z.number().int(), rate }).describe("ANALYTICS-2: ratings 4-5 over ratings."),
  conversion: z.object({
    revenueMinor: z.number().int().describe("Revenue of attributed orders in the shop's currency, in minor units (cents)."),
    orders: z.number().int(),
    otherCurrencyOrders: z.number().int().describe("Attributed orders in another currency: counted, not summed."),
    repliedBuyers: z.number().int(),
    orderingBuyers: z.number().int(),
    share: rate,
  }).describe("ANALYTICS-3: orders within 7 days after an agent's reply in the range."),
  firstResponse: distribution,
  resolution: distribution,
  queueWait: distribution,
  sessionsHandled: z.number().int(),
});
apiV1Registry.add(AnalyticsFiguresSchema, { id: "AnalyticsFigures", description: "Every figure of docs/analytics.md for one period, day or agent." });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AnalyticsResponseSchema = z.object({
  data: z.object({
    scope: z.enum(["shop", "own"]),
    timeZone: z.string().describe("The shop's IANA time zone; days are its days."),
    currency: z.string(),
    range: z.object({ firstDay: day, lastDay: day, from: z.string(), to: z.string() }),
    previousRange: z.object({ firstDay: day, lastDay: day }),
    summary: AnalyticsFiguresSchema,
    previousSummary: AnalyticsFiguresSchema.describe("The same figures for the period of the same length just before."),
    daily: z.array(z.object({ day, figures: AnalyticsFiguresSchema })),
    perAgent: z.array(z.object({ memberId: z.string().nullable().describe("null: the Unassigned row."), nickname: z.string(), figures: AnalyticsFiguresSchema })),
    generatedAt: z.string(),
  }),
});
apiV1Registry.add(AnalyticsResponseSchema, { id: "AnalyticsResponse" });
