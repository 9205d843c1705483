// Issue 11 item 5: recomputes every analytics fact of a shop from the raw tables, reports each
// difference with the stored facts (per table and field: a count and the first examples) and,
// unless it is a dry run, fixes them. A fix re-derives the differing rows from the raw tables at
// that moment (the event path's own refresh), so a change committed meanwhile is not undone.
// `npm run analytics:rebuild` (scripts/analytics-rebuild.ts) is the command; the benchmark's
// recompute_mismatches is its dry run.
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import {
  ORDER_FACT_COLUMNS, orderFactsSelect, REPLY_SPAN_COLUMNS, replySpansSelect, SESSION_FACT_COLUMNS, sessionFactsSelect,
} from "@/server/services/analytics/facts-sql";
import { checkDayRollups, type RollupCheck } from "@/server/services/analytics/day-rollups";
import { refreshBuyerReplyFacts, refreshOrderFacts, refreshSessionFacts } from "@/server/services/analytics/facts";

type Value = string | number | null;
type Row = Record<string, Value>;

interface TableSpec {
  table: "AnalyticsSessionFact" | "AnalyticsReplySpan" | "AnalyticsOrderFact";
  columns: readonly string[];
  timeColumns: readonly string[];
  key: (row: Row) => string;
  derive: (shopId: string) => Prisma.Sql;
}

const TABLES: readonly TableSpec[] = [
  {
    table: "AnalyticsSessionFact",
    columns: SESSION_FACT_COLUMNS,
    timeColumns: ["openedAt", "humanQueueAt", "firstAssignedAt", "firstReplyAt", "closedAt", "ratedAt"],
    key: (row) => String(row.sessionId),
    derive: (shopId) => sessionFactsSelect(shopId),
  },
  {
    table: "AnalyticsReplySpan",
    columns: REPLY_SPAN_COLUMNS,
    timeColumns: ["firstAt", "lastAt"],
    key: (row) => `${row.buyerId}|${row.memberId}|${row.firstAt}`,
    derive: (shopId) => replySpansSelect(shopId),
  },
  {
    table: "AnalyticsOrderFact",
    columns: ORDER_FACT_COLUMNS,
    timeColumns: ["placedAt", "replyAt"],
    key: (row) => String(row.orderId),
    derive: (shopId) => orderFactsSelect(shopId),
  },
];

export interface FieldDifference {
  count: number;
  examples: Array<{ key: string; stored: Value; expected: Value }>;
}

export interface TableReport {
  table: TableSpec["table"];
  expectedRows: number;
  storedRows: number;
  /** Rows the raw tables yield that are not stored. */
  missing: { count: number; examples: string[] };
  /** Stored rows the raw tables no longer yield. */
  extra: { count: number; examples: string[] };
  /** Rows present on both sides whose field differs. */
  fields: Record<string, FieldDifference>;
  /** missing + extra + rows with at least one differing field. */
  differences: number;
}

export interface RebuildReport {
  shopId: string;
  dryRun: boolean;
  tables: TableReport[];
  /** The daily rollups compared with the facts (after the facts were fixed, unless dryRun). */
  rollups: RollupCheck;
  /** Differing fact rows plus differing rollup days. */
  differences: number;
  fixed: boolean;
}

/** One JSON array of rows, times as epoch milliseconds (UTC). */
async function readRows(db: Database, spec: TableSpec, source: Prisma.Sql): Promise<Row[]> {
  const columns = spec.columns.map((column) =>
    spec.timeColumns.includes(column)
      ? `(extract(epoch from d."${column}") * 1000)::bigint AS "${column}"`
      : column === "state" || column === "status"
        ? `d."${column}"::text AS "${column}"`
        : `d."${column}"`,
  );
  const [row] = await db.$queryRaw<Array<{ rows: string | null }>>`
    SELECT COALESCE(json_agg(q), '[]')::text AS rows FROM (SELECT ${Prisma.raw(columns.join(", "))} FROM (${source}) d) q`;
  return JSON.parse(row?.rows ?? "[]") as Row[];
}

function compare(spec: TableSpec, expected: Row[], stored: Row[], examples: number): { report: TableReport; differingKeys: Row[]; extraRows: Row[] } {
  const storedByKey = new Map(stored.map((row) => [spec.key(row), row]));
  const expectedKeys = new Set<string>();
  const report: TableReport = {
    table: spec.table, expectedRows: expected.length, storedRows: stored.length,
    missing: { count: 0, examples: [] }, extra: { count: 0, examples: [] }, fields: {}, differences: 0,
  };
  const differingKeys: Row[] = [];
  for (const row of expected) {
    const key = spec.key(row);
    expectedKeys.add(key);
    const have = storedByKey.get(key);
    if (!have) {
      report.missing.count += 1;
      if (report.missing.examples.length < examples) report.missing.examples.push(key);
      differingKeys.push(row);
      continue;
    }
    let differs = false;
    for (const column of spec.columns) {
      if (have[column] === row[column]) continue;
      differs = true;
      const field = (report.fields[column] ??= { count: 0, examples: [] });
      field.count += 1;
      if (field.examples.length < examples) field.examples.push({ key, stored: have[column] ?? null, expected: row[column] ?? null });
    }
    if (differs) differingKeys.push(row);
  }
  const extraRows = stored.filter((row) => !expectedKeys.has(spec.key(row)));
  report.extra.count = extraRows.length;
  report.extra.examples = extraRows.slice(0, examples).map(spec.key);
  report.differences = differingKeys.length + extraRows.length;
  return { report, differingKeys, extraRows };
}

const CHUNK = 2_000;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) out.push(items.slice(index, index + CHUNK));
  return out;
}

async function fix(db: Database, shopId: string, spec: TableSpec, differing: Row[], extra: Row[]): Promise<void> {
  const ids = (rows: Row[], column: string) => [...new Set(rows.map((row) => String(row[column])))];
  if (spec.table === "AnalyticsSessionFact") {
    for (const part of chunks(ids(differing, "sessionId"))) await refreshSessionFacts(db, shopId, part);
    for (const part of chunks(ids(extra, "sessionId"))) {
      await db.$executeRaw`DELETE FROM "AnalyticsSessionFact" WHERE "shopId" = ${shopId}::uuid AND "sessionId" = ANY(${part}::uuid[])`;
      await refreshSessionFacts(db, shopId, part);
    }
  } else if (spec.table === "AnalyticsReplySpan") {
    // A buyer's spans are replaced together (one transaction per chunk, as the event path does).
    for (const part of chunks(ids([...differing, ...extra], "buyerId"))) await db.$transaction((tx) => refreshBuyerReplyFacts(tx, shopId, part));
  } else {
    for (const part of chunks(ids(differing, "orderId"))) await refreshOrderFacts(db, shopId, part);
    for (const part of chunks(ids(extra, "orderId"))) {
      await db.$executeRaw`DELETE FROM "AnalyticsOrderFact" WHERE "shopId" = ${shopId}::uuid AND "orderId" = ANY(${part}::uuid[])`;
      await refreshOrderFacts(db, shopId, part);
    }
  }
}

/** Compares (and unless dryRun, fixes) every analytics fact of one shop. */
export async function rebuildAnalyticsFacts(db: Database, input: { shopId: string; dryRun: boolean; examples?: number }): Promise<RebuildReport> {
  const examples = input.examples ?? 5;
  const tables: TableReport[] = [];
  for (const spec of TABLES) {
    const [expected, stored] = await Promise.all([
      readRows(db, spec, spec.derive(input.shopId)),
      readRows(db, spec, Prisma.sql`SELECT * FROM ${Prisma.raw(`"${spec.table}"`)} WHERE "shopId" = ${input.shopId}::uuid`),
    ]);
    const { report, differingKeys, extraRows } = compare(spec, expected, stored, examples);
    if (!input.dryRun && report.differences > 0) await fix(db, input.shopId, spec, differingKeys, extraRows);
    tables.push(report);
  }
  const rollups = await checkDayRollups(db, { shopId: input.shopId, dryRun: input.dryRun, examples });
  const differences = tables.reduce((sum, table) => sum + table.differences, 0) + rollups.differences;
  return { shopId: input.shopId, dryRun: input.dryRun, tables, rollups, differences, fixed: !input.dryRun && differences > 0 };
}

/** Every shop's id, for a rebuild of all of them. */
export async function listShopIds(db: Database): Promise<string[]> {
  return (await db.shop.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((shop) => shop.id);
}
