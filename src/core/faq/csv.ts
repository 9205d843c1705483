// AUTO-3: the FAQ library's CSV format, exactly: header `id,category,question,alternatives,answer`,
// alternatives separated by ` | `, RFC 4180 quoting (fields with a comma, quote or line break in
// double quotes, a quote doubled), UTF-8 (a byte-order mark is accepted and ignored). Line
// numbers in errors are physical lines of the file (a quoted line break counts), the header is
// line 1, so the number is the one an editor shows for the row's first line.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { faqEntryIssues, type FaqCategory, type FaqEntryInput, type FaqIssue } from "@/core/faq/entry";

export const FAQ_CSV_HEADER = ["id", "category", "question", "alternatives", "answer"] as const;
export const ALTERNATIVES_SEPARATOR = " | ";
/** Bounds what one import may hold (the route bounds the bytes too). */
export const FAQ_CSV_MAX_ROWS = 5000;

export interface FaqCsvError {
  /** Physical line of the file where the bad row starts (header = 1); 0 for file-level errors. */
  line: number;
  message: string;
  /** The row's reasons with their codes (the message is their English sentences joined). */
  issues: Array<Omit<FaqIssue, "message">>;
}

/** A row's error from its issues: the English sentences joined, and the codes with their values. */
function rowError(line: number, issues: FaqIssue[]): FaqCsvError {
  return { line, message: issues.map((issue) => issue.message).join(" "), issues: issues.map(({ message: _message, ...issue }) => issue) };
}

export type FaqCsvParse = { ok: true; entries: FaqEntryInput[] } | { ok: false; errors: FaqCsvError[] };

export function splitAlternatives(value: string): string[] {
  return value
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function parseFaqCsv(text: string): FaqCsvParse {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = recordStartLines(text).at(-1) ?? 1;
    const detail = (error as Error).message.replace(/^Invalid [^:]*: /, "");
    return { ok: false, errors: [rowError(line, [{ code: "notCsv", values: { detail }, message: `Not valid CSV: ${detail}` }])] };
  }
  const headerText = FAQ_CSV_HEADER.join(",");
  if (records.length === 0) return { ok: false, errors: [rowError(1, [{ code: "emptyFile", values: { header: headerText }, message: `The file is empty; the first line must be ${headerText}.` }])] };
  const errors: FaqCsvError[] = [];
  // csv-parse's own line counts are off with mixed line endings; the scanner counts physical lines.
  const startLines = recordStartLines(text);
  const header = records[0]!.record.map((cell) => cell.trim().toLowerCase());
  if (header.join(",") !== FAQ_CSV_HEADER.join(",")) {
    return { ok: false, errors: [rowError(1, [{ code: "badHeader", values: { header: headerText }, message: `The first line must be exactly ${headerText}.` }])] };
  }
  if (records.length - 1 > FAQ_CSV_MAX_ROWS) return { ok: false, errors: [rowError(0, [{ code: "tooManyRows", values: { max: FAQ_CSV_MAX_ROWS }, message: `At most ${FAQ_CSV_MAX_ROWS} rows per file.` }])] };
  const seen = new Map<string, number>();
  const entries: FaqEntryInput[] = [];
  records.slice(1).forEach(({ record }, index) => {
    const line = startLines[index + 1] ?? 0;
    if (record.length !== FAQ_CSV_HEADER.length) {
      errors.push(rowError(line, [{ code: "fieldCount", values: { expected: FAQ_CSV_HEADER.length, header: headerText, found: record.length }, message: `Expected ${FAQ_CSV_HEADER.length} fields (${headerText}), found ${record.length}.` }]));
      return;
    }
    const [id, category, question, alternatives, answer] = record.map((cell) => cell.trim()) as [string, string, string, string, string];
    const entry = { externalId: id, category: category as FaqCategory, question, alternatives: splitAlternatives(alternatives), answer };
    const issues = faqEntryIssues(entry).map((issue): FaqIssue =>
      issue.code === "categoryInvalid" ? { ...issue, values: { ...issue.values, found: category }, message: `${issue.message.slice(0, -1)} (found "${category}").` } : issue);
    const earlier = seen.get(id);
    if (id && earlier !== undefined) issues.push({ code: "duplicateId", values: { id, line: earlier }, message: `id "${id}" is already used on line ${earlier}.` });
    if (id) seen.set(id, line);
    if (issues.length > 0) errors.push(rowError(line, issues));
    else entries.push(entry);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/**
 * The physical line on which each non-empty record starts (RFC 4180: a line break inside double
 * quotes belongs to the field). `\r\n`, `\n` and `\r` each end a line. When the file ends inside
 * quotes, the last entry is the line where the unclosed field's record started.
 */
export function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let line = 1;
  let inQuotes = false;
  let recordStart = 1;
  let recordHasContent = false;
  for (let position = 0; position < body.length; position++) {
    const char = body[position]!;
    const lineBreak = char === "\n" || char === "\r";
    if (lineBreak) {
      if (char === "\r" && body[position + 1] === "\n") position++;
      line++;
      if (!inQuotes) {
        if (recordHasContent) starts.push(recordStart);
        recordStart = line;
        recordHasContent = false;
      }
      continue;
    }
    if (char === '"') inQuotes = !inQuotes;
    recordHasContent = true;
  }
  if (recordHasContent) starts.push(recordStart);
  return starts;
}

export interface FaqCsvRow {
  externalId: string;
  category: FaqCategory;
  question: string;
  alternatives: string[];
  answer: string;
}

export function formatFaqCsv(rows: FaqCsvRow[]): string {
  return stringify(
    rows.map((row) => [row.externalId, row.category, row.question, row.alternatives.join(ALTERNATIVES_SEPARATOR), row.answer]),
    { header: true, columns: [...FAQ_CSV_HEADER], record_delimiter: "\r\n", quoted_match: /^\s|\s$/ },
  );
}
