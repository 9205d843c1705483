// SET-4: the shop's blocked buyers (list, block, unblock).
import { defineMemberRoute } from "@/server/http/define-route";
import { blockBuyer, listBlockedBuyers, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { callService, performService } from "@/server/services/call-service";
import { ZBuyerBlock, ZBuyerUnblock } from "@/shared/command-schemas";

export const GET = defineMemberRoute({
  action: "buyer:list_blocked",
  handler: ({ member }) => callService(listBlockedBuyers, { member }),
});

export const POST = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerBlock,
  handler: ({ member, body }) => performService(blockBuyer, { member, ...body }),
});

export const DELETE = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerUnblock,
  handler: async ({ member, body }) => {
    await callService(unblockBuyer, { member, buyerId: body.buyerId });
    return null;
  },
});
