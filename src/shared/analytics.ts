// ANALYTICS-1..4: the analytics query and answer, shared by the page, the member route, the CSV
// export and /api/v1/analytics, so all four read the same figures for the same range.
import { z } from "zod";
import type { Figures } from "@/core/analytics";

/** The longest custom range: a year and a day, so a query never reads a shop's whole history. */
export const MAX_RANGE_DAYS = 366;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a day as YYYY-MM-DD.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= "2000-01-01";
  }, "That day does not exist.");

export const analyticsQuerySchema = z
  .object({
    /** A preset ending today in the shop's time zone; ignored when `from` and `to` are given. */
    preset: z.enum(["today", "7d", "30d"]).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine((query, context) => {
    if ((query.from === undefined) !== (query.to === undefined)) {
      context.addIssue({ code: "custom", path: [query.from === undefined ? "from" : "to"], message: "Give both the first and the last day." });
      return;
    }
    if (query.from && query.to) {
      if (query.to < query.from) context.addIssue({ code: "custom", path: ["to"], message: "The last day is before the first." });
      const days = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / 86_400_000 + 1;
      if (days > MAX_RANGE_DAYS) context.addIssue({ code: "custom", path: ["to"], message: `A range is at most ${MAX_RANGE_DAYS} days.` });
    }
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export interface AnalyticsAgentRow {
  /** Null for the "Unassigned" row: work nobody held. */
  memberId: string | null;
  nickname: string;
  figures: Figures;
}

export interface AnalyticsDto {
  /** "shop" for owners and admins; "own" when an agent sees only their own figures. */
  scope: "shop" | "own";
  timeZone: string;
  currency: string;
  range: { firstDay: string; lastDay: string; from: string; to: string };
  previousRange: { firstDay: string; lastDay: string };
  summary: Figures;
  previousSummary: Figures;
  daily: Array<{ day: string; figures: Figures }>;
  perAgent: AnalyticsAgentRow[];
  generatedAt: string;
}
