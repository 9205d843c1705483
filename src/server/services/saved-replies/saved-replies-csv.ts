// AUTO-2: CSV export and import of saved replies. The file (docs/saved-replies.md):
//   header `shortcut,title,body,scope`, one reply a row, scope `shop` or `personal`, RFC 4180
//   quoting (a body may hold commas, quotes and line breaks), UTF-8 (a BOM is accepted).
// Export writes what the member sees: the shop's replies and their own. Import checks every row
// first and reports each bad one with the line it starts on; if any row is bad nothing is
// written. Otherwise, in one transaction, a row whose shortcut already exists in its scope
// replaces that reply's title and body, other rows are added; so export, then import, is a
// no-op, and importing an edited export updates in place.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { AppError } from "@/core/errors";
import { assertCan, can } from "@/core/permissions";
import { manageActionFor, type SavedReplyScope } from "@/core/saved-replies";
import type { Database } from "@/server/db/client";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import {
  SAVED_REPLY_CSV_HEADER,
  ZSavedReplyCreate,
  type SavedReplyImportResultDto,
} from "@/shared/saved-replies";
import { assertRoomFor, ownerIdFor, scopeOf, visibleWhere, type SavedReplyMember } from "./saved-reply-records";

/** At most this many rows a file: the two scopes' bounds together. */
export const IMPORT_MAX_ROWS = 700;

export async function exportSavedRepliesCsv(db: Database, input: { member: SavedReplyMember }): Promise<{ fileName: string; body: string }> {
  const { member } = input;
  assertCan(member, "saved_reply:read");
  const rows = await db.savedReply.findMany({ where: visibleWhere(member), orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { shortcut: "asc" }], take: IMPORT_MAX_ROWS });
  const body = stringify([[...SAVED_REPLY_CSV_HEADER], ...rows.map((row) => [row.shortcut, row.title, row.body, scopeOf(row)])], { record_delimiter: "\r\n" });
  return { fileName: "saved-replies.csv", body };
}

interface ParsedRow {
  line: number;
  scope: SavedReplyScope;
  shortcut: string;
  title: string;
  body: string;
}

/** Rows of the file with the line each starts on, or the file's syntax error. Throws BAD_INPUT. */
function readRows(csv: string): Array<{ line: number; cells: string[] }> {
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const message = error instanceof Error ? error.message : "The file is not valid CSV.";
    throw new AppError("BAD_INPUT", "The file is not valid CSV.", { [`line ${line ?? 1}`]: [message] });
  }
  // info.lines is the line a record ends on; a quoted body may span several.
  return records.map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0), cells: record }));
}

function checkRows(member: SavedReplyMember, csv: string): ParsedRow[] {
  const rows = readRows(csv);
  const header = rows.shift();
  const expected = SAVED_REPLY_CSV_HEADER.join(",");
  if (!header || header.cells.map((cell) => cell.trim().toLowerCase()).join(",") !== expected) {
    throw new AppError("BAD_INPUT", "The file's first line must be the header.", { "line 1": [`Use the header ${expected}.`] });
  }
  if (rows.length === 0) throw new AppError("BAD_INPUT", "The file has no replies.", { "line 2": ["Add one reply a line after the header."] });
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError("BAD_INPUT", `A file may hold at most ${IMPORT_MAX_ROWS} replies.`);

  const errors: Record<string, string[]> = {};
  const seen = new Map<string, number>();
  const parsed: ParsedRow[] = [];
  for (const { line, cells } of rows) {
    const problems: string[] = [];
    if (cells.length !== SAVED_REPLY_CSV_HEADER.length) problems.push(`Expected ${SAVED_REPLY_CSV_HEADER.length} columns (${expected}), found ${cells.length}.`);
    const [shortcut = "", title = "", body = "", scope = ""] = cells;
    const result = ZSavedReplyCreate.safeParse({ shortcut, title, body, scope: scope.trim().toLowerCase() });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${issue.path.join(".") || "row"}: ${issue.message}`);
    } else {
      const reply = result.data;
      if (!can(member, manageActionFor(reply.scope))) problems.push("scope: Your role may not manage the shop's saved replies; use personal.");
      const key = `${reply.scope}:${reply.shortcut}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`shortcut: /${reply.shortcut} is already on line ${earlier}.`);
      else seen.set(key, line);
      if (problems.length === 0) parsed.push({ line, ...reply });
    }
    if (problems.length > 0) errors[`line ${line}`] = problems;
  }
  const badLines = Object.keys(errors);
  if (badLines.length > 0) {
    throw new AppError("BAD_INPUT", `${badLines.length} row${badLines.length > 1 ? "s" : ""} could not be imported; nothing was imported.`, errors);
  }
  return parsed;
}

export async function importSavedRepliesCsv(db: Database, input: { member: SavedReplyMember; csv: string }): Promise<ServiceResult<SavedReplyImportResultDto>> {
  const { member } = input;
  assertCan(member, "saved_reply:manage_own");
  const rows = checkRows(member, input.csv);
  const result = await db.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    const toAdd: Record<SavedReplyScope, number> = { shop: 0, personal: 0 };
    const existing = await tx.savedReply.findMany({ where: visibleWhere(member), select: { id: true, ownerId: true, shortcut: true } });
    const byKey = new Map(existing.map((reply) => [`${scopeOf(reply)}:${reply.shortcut}`, reply.id]));
    for (const row of rows) if (!byKey.has(`${row.scope}:${row.shortcut}`)) toAdd[row.scope]++;
    for (const scope of ["shop", "personal"] as const) await assertRoomFor(tx, member, scope, toAdd[scope]);
    for (const row of rows) {
      const id = byKey.get(`${row.scope}:${row.shortcut}`);
      if (id) {
        await tx.savedReply.update({ where: { id }, data: { title: row.title, body: row.body } });
        updated++;
      } else {
        await tx.savedReply.create({ data: { shopId: member.shopId, ownerId: ownerIdFor(member, row.scope), shortcut: row.shortcut, title: row.title, body: row.body } });
        created++;
      }
    }
    return { created, updated };
  });
  return serviceResult(result);
}

