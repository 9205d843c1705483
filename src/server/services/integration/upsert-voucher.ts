// API-1: create or update a seller voucher by the shop's externalId. The quantity may grow or
// shrink, never below what buyers have already claimed (claimedCount never exceeds quantity).
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { VoucherOut, VoucherUpsertInput } from "@/shared/api-v1-schemas";
import { toVoucherOut } from "./api-dto";

export async function upsertVoucher(
  db: Database,
  input: { shopId: string; voucher: VoucherUpsertInput },
): Promise<{ voucher: VoucherOut; created: boolean }> {
  const { shopId, voucher } = input;
  const fields = {
    code: voucher.code,
    title: voucher.title,
    discountType: voucher.discountType,
    discountValue: voucher.discountValue,
    minSpendCents: voucher.minSpendCents,
    currency: voucher.currency,
    quantity: voucher.quantity,
    startsAt: new Date(voucher.startsAt),
    endsAt: new Date(voucher.endsAt),
    isPublic: voucher.isPublic,
  };
  return db.$transaction(async (tx) => {
    const inserted = await tx.voucher.createMany({ data: [{ shopId, externalId: voucher.externalId, ...fields }], skipDuplicates: true });
    if (inserted.count === 1) {
      const row = await tx.voucher.findUniqueOrThrow({ where: { shopId_externalId: { shopId, externalId: voucher.externalId } } });
      return { voucher: toVoucherOut(row), created: true };
    }
    // Lock against concurrent claims so the quantity check and the update see the same count.
    const [locked] = await tx.$queryRaw<Array<{ id: string; claimedCount: number }>>`
      SELECT id, "claimedCount" FROM "Voucher"
      WHERE "shopId" = ${shopId}::uuid AND "externalId" = ${voucher.externalId} FOR UPDATE`;
    if (!locked) throw new Error(`voucher ${voucher.externalId} vanished inside its own upsert`);
    if (voucher.quantity < locked.claimedCount) {
      throw new AppError("BAD_INPUT", "Some fields are not valid.", {
        quantity: [`Buyers have already claimed ${locked.claimedCount}; the quantity cannot be lower.`],
      });
    }
    const row = await tx.voucher.update({ where: { id: locked.id }, data: fields });
    return { voucher: toVoucherOut(row), created: false };
  });
}
