// AUTO-3: the settings page's FAQ library: GET lists (search, paged; faq:read), POST upserts one entry (faq:manage).
import { z } from "zod";
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { listFaqEntries, upsertFaqEntry } from "@/server/services/faq/library";
import { FaqEntryUpsertSchema, FaqListQuerySchema } from "@/shared/api-v1-faq";
import { AppError } from "@/core/errors";

export const GET = defineMemberRoute({
  action: "faq:read",
  handler: async ({ member, request }) => {
    const parsed = FaqListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) throw new AppError("BAD_INPUT", "Invalid search.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    return callService(listFaqEntries, { scope: { member }, ...parsed.data });
  },
});

export const POST = defineMemberRoute({
  action: "faq:manage",
  body: FaqEntryUpsertSchema,
  handler: async ({ member, body }) => {
    const { id, ...fields } = body;
    return callService(upsertFaqEntry, { scope: { member }, entry: { externalId: id, ...fields } });
  },
});
