// SET-4: the shop's blocked buyers (list, block, unblock).
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { settle } from "@/server/services/assignment/settle";
import { blockBuyer, listBlockedBuyers, unblockBuyer } from "@/server/services/buyers/block-buyer";

export const GET = defineMemberRoute({
  action: "buyer:list_blocked",
  handler: ({ member }) => listBlockedBuyers(getDb(), { member }),
});

export const POST = defineMemberRoute({
  action: "buyer:block",
  body: z.object({ buyerId: z.uuid(), reason: z.string().trim().max(300).optional() }),
  handler: async ({ member, body }) => {
    const db = getDb();
    const result = await blockBuyer(db, { member, ...body });
    await settle(db, result.events, { drainShopId: result.closedSession ? member.shopId : null });
    return { closedSession: result.closedSession };
  },
});

export const DELETE = defineMemberRoute({
  action: "buyer:block",
  body: z.object({ buyerId: z.uuid() }),
  handler: async ({ member, body }) => {
    await unblockBuyer(getDb(), { member, buyerId: body.buyerId });
    return null;
  },
});
