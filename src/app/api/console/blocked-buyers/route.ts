// SET-4: the shop's blocked buyers (list, block, unblock).
import { defineMemberRoute } from "@/server/http/define-route";
import { blockBuyer, listBlockedBuyers, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { applyResult, callService } from "@/server/services/call-service";
import { serviceResult } from "@/server/services/service-result";
import { ZBuyerBlock, ZBuyerUnblock } from "@/shared/command-schemas";

export const GET = defineMemberRoute({
  action: "buyer:list_blocked",
  handler: ({ member }) => callService(listBlockedBuyers, { member }),
});

export const POST = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerBlock,
  handler: async ({ member, body }) => {
    const result = await callService(blockBuyer, { member, ...body });
    return applyResult(serviceResult({ closedSession: result.closedSession }, result.events, [result.closedSession ? member.shopId : null]));
  },
});

export const DELETE = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerUnblock,
  handler: async ({ member, body }) => {
    await callService(unblockBuyer, { member, buyerId: body.buyerId });
    return null;
  },
});
