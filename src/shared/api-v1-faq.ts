// AUTO-3, API-1: the FAQ library in /api/v1 (src/app/api/v1/faq/**), in zod for the routes'
// validation and the OpenAPI document. Entries are keyed by `id`, the CSV's id column.
import { z } from "zod";
import { FAQ_CATEGORIES, FAQ_ID_PATTERN, FAQ_LIMITS } from "@/core/faq/entry";
import { safeLine, safeText } from "@/shared/zod-primitives";
import { apiV1Registry } from "@/shared/api-v1-schemas";

export const FaqIdSchema = safeLine().trim().min(1, "Must not be empty.").max(FAQ_LIMITS.id, `At most ${FAQ_LIMITS.id} characters.`)
  .regex(FAQ_ID_PATTERN, "Only letters, digits and . _ - : (no spaces).");

export const FaqEntryUpsertSchema = z.object({
  id: FaqIdSchema.describe("The entry's id (the CSV id column); upserts are keyed by it."),
  category: z.enum(FAQ_CATEGORIES),
  question: safeLine().trim().min(1, "Must not be empty.").max(FAQ_LIMITS.question, `At most ${FAQ_LIMITS.question} characters.`),
  alternatives: z.array(safeLine().trim().min(1, "Must not be empty.").max(FAQ_LIMITS.alternative).refine((value) => !value.includes("|"), "Must not contain |."))
    .max(FAQ_LIMITS.alternatives, `At most ${FAQ_LIMITS.alternatives} alternatives.`).default([]),
  answer: safeText().trim().min(1, "Must not be empty.").max(FAQ_LIMITS.answer, `At most ${FAQ_LIMITS.answer} characters.`),
});
apiV1Registry.add(FaqEntryUpsertSchema, { id: "FaqEntryUpsert" });

export const FaqEntrySchema = z.object({
  id: z.string(), category: z.enum(FAQ_CATEGORIES), question: z.string(), alternatives: z.array(z.string()), answer: z.string(),
  createdAt: z.string(), updatedAt: z.string(),
});
apiV1Registry.add(FaqEntrySchema, { id: "FaqEntry" });

export const FaqEntryResponseSchema = z.object({ data: FaqEntrySchema, created: z.boolean().optional() });
apiV1Registry.add(FaqEntryResponseSchema, { id: "FaqEntryResponse" });

export const FaqListQuerySchema = z.object({
  search: safeLine().max(200).optional().describe("Words matched (case- and accent-insensitive) in id, question, alternatives and answer."),
  category: z.enum(FAQ_CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().describe("Page size, 1..100 (default 50)."),
  after: FaqIdSchema.optional().describe("nextCursor of the previous page."),
});

export const FaqListResponseSchema = z.object({
  data: z.array(FaqEntrySchema),
  nextCursor: z.string().nullable().describe("Pass as `after` for the next page; null on the last page."),
  total: z.number().int(),
});
apiV1Registry.add(FaqListResponseSchema, { id: "FaqListResponse" });

export const FaqImportSchema = z.object({
  csv: z.string().max(1_000_000).describe("The whole file: header id,category,question,alternatives,answer (docs/faq.md)."),
});
apiV1Registry.add(FaqImportSchema, { id: "FaqImport" });

export const FaqImportResponseSchema = z.object({ data: z.object({ created: z.number().int(), updated: z.number().int() }) });
apiV1Registry.add(FaqImportResponseSchema, { id: "FaqImportResponse" });

export const FaqDeleteResponseSchema = z.object({ data: z.object({ deleted: z.literal(true) }) });
apiV1Registry.add(FaqDeleteResponseSchema, { id: "FaqDeleteResponse" });

export const FAQ_API_EXAMPLES = {
  entry: {
    id: "shipping-time", category: "logistics", question: "How long does shipping take?",
    alternatives: ["When will my package arrive", "How many days for delivery"], answer: "Standard shipping takes 3 to 5 working days.",
  },
  import: { csv: 'id,category,question,alternatives,answer\r\nreturn-policy,after_sales,What is your return policy?,Can I return an item,"Within 30 days, with the tags."\r\n' },
} as const;
