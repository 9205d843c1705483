// API-1: create or update a product by the shop's externalId. Idempotent: the same request twice
// leaves the same row. Concurrent first inserts meet in INSERT … ON CONFLICT DO NOTHING, so
// neither fails with a unique violation.
import type { Database } from "@/server/db/client";
import type { ProductOut, ProductUpsertInput } from "@/shared/api-v1-schemas";
import { toProductOut } from "./api-dto";

export async function upsertProduct(
  db: Database,
  input: { shopId: string; product: ProductUpsertInput },
): Promise<{ product: ProductOut; created: boolean }> {
  const { shopId, product } = input;
  const fields = {
    name: product.name,
    description: product.description,
    priceCents: product.priceCents,
    currency: product.currency,
    imageUrl: product.imageUrl,
    url: product.url,
    stock: product.stock,
    status: product.status,
  };
  return db.$transaction(async (tx) => {
    const inserted = await tx.product.createMany({
      data: [{ shopId, externalId: product.externalId, ...fields }],
      skipDuplicates: true,
    });
    const created = inserted.count === 1;
    const row = created
      ? await tx.product.findUniqueOrThrow({ where: { shopId_externalId: { shopId, externalId: product.externalId } } })
      : await tx.product.update({ where: { shopId_externalId: { shopId, externalId: product.externalId } }, data: fields });
    return { product: toProductOut(row), created };
  });
}
