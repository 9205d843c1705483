// SET-4: the shop's blocked buyers: a page of them (?q= searches nickname, email and the shop's
// id; ?cursor= is the previous page's nextCursor), block, unblock.
import { defineMemberRoute } from "@/server/http/define-route";
import { blockBuyer, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { listBlockedBuyers } from "@/server/services/buyers/list-blocked-buyers";
import { parseSearchParams } from "@/server/services/console-lists";
import { applyResult, callService } from "@/server/services/call-service";
import { serviceResult } from "@/server/services/service-result";
import { ZBlockedBuyersQuery, ZBuyerBlock, ZBuyerUnblock } from "@/shared/command-schemas";

export const GET = defineMemberRoute({
  action: "buyer:list_blocked",
  handler: ({ member, request }) => callService(listBlockedBuyers, { member, ...parseSearchParams(request.url, ZBlockedBuyersQuery) }),
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
    return applyResult(await callService(unblockBuyer, { member, buyerId: body.buyerId }));
  },
});
