// CONSOLE-7, WIDGET-3: a buyer claims a seller voucher (from a voucher card in the widget).
// Once per buyer (unique voucherId+buyerId), and never more claims than the voucher's quantity:
// the count moves in one conditional UPDATE (… WHERE claimedCount < quantity AND within dates),
// which PostgreSQL re-checks after any concurrent claim commits, so the last voucher cannot be
// handed out twice. The claim row and the count change commit together or not at all.
// WIDGET-3: a buyer may claim a voucher only when the shop sent it in that buyer's chat (a
// voucher card message) or marked it public; a voucher id alone proves nothing.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";

export interface VoucherClaimResult {
  claim: { id: string; voucherId: string; buyerId: string; messageId: string | null; claimedAt: string };
  voucher: { id: string; code: string; title: string; quantity: number; claimedCount: number; remaining: number };
}

export async function claimVoucher(
  db: Database,
  input: { shopId: string; buyerId: string; voucherId: string; messageId?: string | null; now?: Date },
): Promise<VoucherClaimResult> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    // One query at a time: a transaction is one connection.
    const voucher = await tx.voucher.findFirst({ where: { id: input.voucherId, shopId: input.shopId }, select: { id: true, startsAt: true, endsAt: true, isPublic: true } });
    const buyer = await tx.buyer.findFirst({ where: { id: input.buyerId, shopId: input.shopId }, select: { id: true, conversation: { select: { id: true } } } });
    if (!voucher) throw new AppError("NOT_FOUND", "This voucher does not exist.");
    if (!buyer) throw new AppError("NOT_FOUND", "This buyer does not exist.");
    const conversationId = buyer.conversation?.id ?? null;
    let message: { id: string; kind: string; payload: unknown } | null = null;
    if (input.messageId) {
      message = conversationId
        ? await tx.message.findFirst({ where: { id: input.messageId, shopId: input.shopId, conversationId }, select: { id: true, kind: true, payload: true } })
        : null;
      if (!message) throw new AppError("NOT_FOUND", "This voucher message does not exist in your chat.");
    }
    if (!voucher.isPublic && !(await wasSentToBuyer(tx, { voucherId: voucher.id, conversationId, message }))) {
      throw new AppError("FORBIDDEN", "This voucher was not offered to you.");
    }

    const inserted = await tx.voucherClaim.createMany({
      data: [{ voucherId: voucher.id, buyerId: buyer.id, messageId: input.messageId ?? null, claimedAt: now }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) throw new AppError("CONFLICT", "You have already claimed this voucher.");

    const counted = await tx.voucher.updateMany({
      where: {
        id: voucher.id,
        claimedCount: { lt: tx.voucher.fields.quantity },
        startsAt: { lte: now },
        endsAt: { gt: now },
      },
      data: { claimedCount: { increment: 1 } },
    });
    if (counted.count === 0) {
      if (voucher.endsAt <= now) throw new AppError("GONE", "This voucher has expired.");
      if (voucher.startsAt > now) throw new AppError("CONFLICT", "This voucher cannot be claimed yet.");
      throw new AppError("GONE", "This voucher has run out.");
    }

    const claim = await tx.voucherClaim.findUniqueOrThrow({ where: { voucherId_buyerId: { voucherId: voucher.id, buyerId: buyer.id } } });
    const updated = await tx.voucher.findUniqueOrThrow({
      where: { id: voucher.id },
      select: { id: true, code: true, title: true, quantity: true, claimedCount: true },
    });
    return {
      claim: { id: claim.id, voucherId: claim.voucherId, buyerId: claim.buyerId, messageId: claim.messageId, claimedAt: claim.claimedAt.toISOString() },
      voucher: { ...updated, remaining: updated.quantity - updated.claimedCount },
    };
  });
}

/** A voucher card of this voucher in the buyer's chat: the given message, or any such card. */
async function wasSentToBuyer(tx: Tx, input: { voucherId: string; conversationId: string | null; message: { kind: string; payload: unknown } | null }): Promise<boolean> {
  if (input.message) {
    const payload = input.message.payload as { voucherId?: unknown } | null;
    return input.message.kind === "voucher_card" && payload?.voucherId === input.voucherId;
  }
  if (!input.conversationId) return false;
  const card = await tx.message.findFirst({
    where: { conversationId: input.conversationId, kind: "voucher_card", payload: { path: ["voucherId"], equals: input.voucherId } },
    select: { id: true },
  });
  return card !== null;
}
