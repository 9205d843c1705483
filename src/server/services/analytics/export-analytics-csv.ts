// ANALYTICS-4: the CSV export of a range: one "total" row, one "day" row per shop day and one
// "agent" row per member, from the very AnalyticsDto the page and /api/v1/analytics show, so
// the numbers are the same. Written by csv-stringify's streaming writer (quoting nicknames that
// hold commas, quotes or line breaks). Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe (nicknames are member-chosen text).
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { readAnalytics } from "@/server/services/analytics/read-analytics";
import type { AnalyticsDto } from "@/shared/analytics";
import { CSV_COLUMNS, csvFigures } from "@/shared/analytics-format";

const neutralize = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function analyticsCsvRows(dto: AnalyticsDto): string[][] {
  const range = `${dto.range.firstDay}..${dto.range.lastDay}`;
  return [
    [...CSV_COLUMNS],
    ["total", range, "", dto.scope === "shop" ? "Shop" : neutralize(dto.perAgent[0]?.nickname ?? ""), ...csvFigures(dto.summary, dto.currency)],
    ...dto.daily.map((row) => ["day", row.day, "", "", ...csvFigures(row.figures, dto.currency)]),
    ...dto.perAgent.map((row) => ["agent", range, row.memberId ?? "", neutralize(row.nickname), ...csvFigures(row.figures, dto.currency)]),
  ];
}

export function csvFileName(dto: AnalyticsDto): string {
  return `analytics-${dto.range.firstDay}-to-${dto.range.lastDay}.csv`;
}

/** A streamed CSV body for the member's range (managers: analytics:export). */
export async function exportAnalyticsCsv(
  db: Database,
  input: { actor: MemberContext; query: unknown; now?: Date },
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  assertCan(input.actor, "analytics:export");
  const dto = await readAnalytics(db, input);
  const writer = stringify();
  for (const row of analyticsCsvRows(dto)) writer.write(row);
  writer.end();
  return { fileName: csvFileName(dto), body: Readable.toWeb(writer) as ReadableStream<Uint8Array> };
}
