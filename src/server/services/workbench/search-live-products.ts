// CONSOLE-7: the shop's live products for the workbench, searched by name or the shop's product
// id, case-insensitively, in pages. Only live products can be sent as cards.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { WorkbenchProductsResponse } from "@/shared/workbench";

export async function searchLiveProducts(
  db: Database,
  input: { shopId: string; q?: string; cursor?: string; limit: number },
): Promise<WorkbenchProductsResponse> {
  // Prisma passes `contains` to ILIKE as is: escape its wildcards so "50%" means 50%.
  const q = input.q?.trim().replace(/[\\%_]/g, (character) => `\\${character}`);
  const where = {
    shopId: input.shopId,
    status: "live" as const,
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { externalId: { contains: q, mode: "insensitive" as const } }] }
      : {}),
  };
  if (input.cursor && !(await db.product.findFirst({ where: { id: input.cursor, shopId: input.shopId }, select: { id: true } }))) {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
  const rows = await db.product.findMany({
    where,
    select: { id: true, externalId: true, name: true, priceCents: true, currency: true, imageUrl: true, url: true, stock: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { products: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}
