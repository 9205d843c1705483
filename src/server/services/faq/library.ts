// AUTO-3: the shop's FAQ library: list (search, paged), get, upsert by id, delete, CSV import
// (all rows or none) and export. The recommendation index is rebuilt when the library changes
// (recommend.ts checks the library's version on every call).
import { AppError } from "@/core/errors";
import { FAQ_CATEGORIES, faqEntryProblems, formatFaqCsv, parseFaqCsv, type FaqCategory, type FaqCsvError, type FaqEntryInput } from "@/core/faq";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { shopIdFor, type FaqScope } from "@/server/services/faq/faq-scope";

import type { FaqEntryDto } from "@/shared/faq-dto";

export type { FaqEntryDto };

type FaqRow = { externalId: string; category: FaqCategory; question: string; alternatives: string[]; answer: string; createdAt: Date; updatedAt: Date };

export function toFaqEntryDto(row: FaqRow): FaqEntryDto {
  return {
    id: row.externalId, category: row.category, question: row.question, alternatives: row.alternatives, answer: row.answer,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

export const FAQ_PAGE_MAX = 100;

export interface ListFaqInput {
  scope: FaqScope;
  /** Words matched (accent- and case-insensitive) in the id, question, alternatives and answer. */
  search?: string;
  category?: FaqCategory;
  limit?: number;
  /** The last `id` of the previous page; entries come in id order. */
  after?: string;
}

export async function listFaqEntries(db: Database, input: ListFaqInput): Promise<{ entries: FaqEntryDto[]; nextCursor: string | null; total: number }> {
  const shopId = shopIdFor(input.scope, "faq:read");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), FAQ_PAGE_MAX);
  const search = input.search?.trim().slice(0, 200) ?? "";
  let ids: string[] | null = null;
  if (search) {
    // unaccent + ILIKE on every field: "envio" finds "envío", "RETURN" finds "return". Bounded
    // by the shop's library (at most a few thousand rows) and the page size.
    const pattern = `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "FaqEntry"
      WHERE "shopId" = ${shopId}::uuid
        AND unaccent("externalId" || ' ' || question || ' ' || array_to_string(alternatives, ' ') || ' ' || answer) ILIKE unaccent(${pattern})
      LIMIT 5000`;
    ids = rows.map((row) => row.id);
  }
  const where: Prisma.FaqEntryWhereInput = {
    shopId,
    ...(input.category ? { category: input.category } : {}),
    ...(ids ? { id: { in: ids } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.faqEntry.findMany({ where: { ...where, ...(input.after ? { externalId: { gt: input.after } } : {}) }, orderBy: { externalId: "asc" }, take: limit + 1 }),
    db.faqEntry.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  return { entries: page.map(toFaqEntryDto), nextCursor: rows.length > limit ? page.at(-1)!.externalId : null, total };
}

export async function getFaqEntry(db: Database, input: { scope: FaqScope; id: string }): Promise<FaqEntryDto> {
  const shopId = shopIdFor(input.scope, "faq:read");
  const row = await db.faqEntry.findUnique({ where: { shopId_externalId: { shopId, externalId: input.id } } });
  if (!row) throw new AppError("NOT_FOUND", `No FAQ entry with id "${input.id}".`);
  return toFaqEntryDto(row);
}

function assertValid(entry: FaqEntryInput): void {
  const problems = faqEntryProblems(entry);
  if (problems.length > 0) throw new AppError("BAD_INPUT", problems.join(" "));
}

export async function upsertFaqEntry(db: Database, input: { scope: FaqScope; entry: FaqEntryInput }): Promise<{ entry: FaqEntryDto; created: boolean }> {
  const shopId = shopIdFor(input.scope, "faq:manage");
  const entry = normalizeEntry(input.entry);
  assertValid(entry);
  return db.$transaction(async (tx) => {
    const fields = { category: entry.category, question: entry.question, alternatives: entry.alternatives, answer: entry.answer };
    const inserted = await tx.faqEntry.createMany({ data: [{ shopId, externalId: entry.externalId, ...fields }], skipDuplicates: true });
    const row = inserted.count === 1
      ? await tx.faqEntry.findUniqueOrThrow({ where: { shopId_externalId: { shopId, externalId: entry.externalId } } })
      : await tx.faqEntry.update({ where: { shopId_externalId: { shopId, externalId: entry.externalId } }, data: fields });
    return { entry: toFaqEntryDto(row), created: inserted.count === 1 };
  });
}

export async function deleteFaqEntry(db: Database, input: { scope: FaqScope; id: string }): Promise<{ deleted: true }> {
  const shopId = shopIdFor(input.scope, "faq:manage");
  const { count } = await db.faqEntry.deleteMany({ where: { shopId, externalId: input.id } });
  if (count === 0) throw new AppError("NOT_FOUND", `No FAQ entry with id "${input.id}".`);
  return { deleted: true };
}

export type FaqImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: FaqCsvError[] };

/**
 * Imports a CSV file (docs/faq.md): every row valid, or nothing is written and every bad row is
 * reported with its line number. Rows upsert by `id`; entries not in the file stay.
 */
export async function importFaqCsv(db: Database, input: { scope: FaqScope; csv: string }): Promise<FaqImportResult> {
  const shopId = shopIdFor(input.scope, "faq:manage");
  const parsed = parseFaqCsv(input.csv);
  if (!parsed.ok) return parsed;
  return db.$transaction(async (tx) => {
    const existing = new Set(
      (await tx.faqEntry.findMany({ where: { shopId, externalId: { in: parsed.entries.map((entry) => entry.externalId) } }, select: { externalId: true } }))
        .map((row) => row.externalId),
    );
    const fresh = parsed.entries.filter((entry) => !existing.has(entry.externalId));
    if (fresh.length > 0) await tx.faqEntry.createMany({ data: fresh.map((entry) => ({ shopId, ...entry })) });
    for (const entry of parsed.entries.filter((candidate) => existing.has(candidate.externalId))) {
      await tx.faqEntry.update({
        where: { shopId_externalId: { shopId, externalId: entry.externalId } },
        data: { category: entry.category, question: entry.question, alternatives: entry.alternatives, answer: entry.answer },
      });
    }
    return { ok: true as const, created: fresh.length, updated: parsed.entries.length - fresh.length };
  }, { timeout: 60_000, maxWait: 10_000 });
}

/** The whole library as CSV in id order (bounded by what an import may create per shop). */
export async function exportFaqCsv(db: Database, input: { scope: FaqScope }): Promise<string> {
  const shopId = shopIdFor(input.scope, "faq:read");
  const rows = await db.faqEntry.findMany({ where: { shopId }, orderBy: { externalId: "asc" }, take: 20_000 });
  return formatFaqCsv(rows);
}

function normalizeEntry(entry: FaqEntryInput): FaqEntryInput {
  return {
    externalId: entry.externalId.trim(),
    category: entry.category,
    question: entry.question.trim(),
    alternatives: entry.alternatives.map((alternative) => alternative.trim()).filter((alternative) => alternative.length > 0),
    answer: entry.answer.trim(),
  };
}

export { FAQ_CATEGORIES };
