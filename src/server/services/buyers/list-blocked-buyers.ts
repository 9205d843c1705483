// SET-4: the blocked-buyers settings page. Bounded pages, most recently blocked first, with a
// keyset cursor (createdAt, id); search matches any part of the nickname, email or the shop's
// own id for the buyer. Each row says why and by whom the buyer was blocked, and when.
import { z } from "zod";
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import type { BlockedBuyersPageDto } from "@/shared/blocked-buyers";

export const BLOCKED_PAGE_SIZE = 25;
export const BLOCKED_PAGE_SIZE_MAX = 100;

const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(value: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = CursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
}

export async function listBlockedBuyers(
  db: Database,
  input: { member: MemberContext; q?: string; cursor?: string; limit?: number },
): Promise<BlockedBuyersPageDto> {
  const { member } = input;
  assertCan(member, "buyer:list_blocked");
  const limit = Math.min(Math.max(input.limit ?? BLOCKED_PAGE_SIZE, 1), BLOCKED_PAGE_SIZE_MAX);
  // Prisma's `contains` is a LIKE: the wildcards a person types are searched for literally.
  const q = (input.q?.trim() ?? "").replace(/[\\%_]/g, (char) => `\\${char}`);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const where: Prisma.BlockedBuyerWhereInput = {
    shopId: member.shopId,
    ...(q
      ? { buyer: { OR: [{ nickname: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }, { externalId: { contains: q, mode: "insensitive" } }] } }
      : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.blockedBuyer.findMany({
    where,
    include: { buyer: { select: { id: true, nickname: true, email: true, externalId: true } }, blockedBy: { select: { id: true, nickname: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      buyerId: row.buyer.id,
      nickname: row.buyer.nickname,
      email: row.buyer.email,
      externalId: row.buyer.externalId,
      reason: row.reason,
      blockedAt: row.createdAt.toISOString(),
      blockedBy: row.blockedBy ? { memberId: row.blockedBy.id, nickname: row.blockedBy.nickname } : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
