// AUTO-3, API-1: GET /api/v1/faq lists the FAQ library (paged, searchable); POST upserts one entry by id.
import { defineApiRoute } from "@/server/services/integration/define-api-route";
import { listFaqEntries, upsertFaqEntry } from "@/server/services/faq/library";
import { FaqEntryUpsertSchema, FaqListQuerySchema } from "@/shared/api-v1-faq";

export const GET = defineApiRoute({
  auth: "token",
  query: FaqListQuerySchema,
  handler: async ({ db, token, query }) => {
    const page = await listFaqEntries(db, { scope: { apiTokenShopId: token.shopId }, ...query });
    return { body: { data: page.entries, nextCursor: page.nextCursor, total: page.total } };
  },
});

export const POST = defineApiRoute({
  auth: "token",
  body: FaqEntryUpsertSchema,
  handler: async ({ db, token, body }) => {
    const { id, ...fields } = body;
    const { entry, created } = await upsertFaqEntry(db, { scope: { apiTokenShopId: token.shopId }, entry: { externalId: id, ...fields } });
    return { status: created ? 201 : 200, body: { data: entry, created } };
  },
});
