// CONSOLE-7: the vouchers an agent can send now: within their dates and not all claimed. With a
// conversation, each says whether that chat's buyer has claimed it already.
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { formatDiscount, type WorkbenchVouchersResponse } from "@/shared/workbench";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";

export async function listAvailableVouchers(
  db: Database,
  input: { member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">; conversationId?: string; now?: Date },
): Promise<WorkbenchVouchersResponse> {
  const now = input.now ?? new Date();
  const buyerId = input.conversationId ? (await loadVisibleConversation(db, input.member, input.conversationId)).buyerId : null;
  const rows = await db.voucher.findMany({
    where: {
      shopId: input.member.shopId,
      startsAt: { lte: now },
      endsAt: { gt: now },
      claimedCount: { lt: db.voucher.fields.quantity },
    },
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  const claimed = buyerId
    ? new Set(
        (await db.voucherClaim.findMany({ where: { buyerId, voucherId: { in: rows.map((row) => row.id) } }, select: { voucherId: true } })).map(
          (claim) => claim.voucherId,
        ),
      )
    : null;
  return {
    vouchers: rows.map((voucher) => ({
      id: voucher.id,
      code: voucher.code,
      title: voucher.title,
      discountType: voucher.discountType,
      discountValue: voucher.discountValue,
      discountLabel: formatDiscount(voucher),
      minSpendCents: voucher.minSpendCents,
      currency: voucher.currency,
      quantity: voucher.quantity,
      remaining: voucher.quantity - voucher.claimedCount,
      startsAt: voucher.startsAt.toISOString(),
      endsAt: voucher.endsAt.toISOString(),
      isClaimedByBuyer: claimed ? claimed.has(voucher.id) : null,
    })),
  };
}
