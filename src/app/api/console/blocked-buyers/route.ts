// SET-4: the shop's blocked buyers: a page of them (?q= searches nickname, email and the shop's
// id; ?cursor= is the previous page's nextCursor), block, unblock.
import { defineMemberRoute } from "@/server/http/define-route";
import { blockBuyer, unblockBuyer } from "@/server/services/buyers/block-buyer";
import { listBlockedBuyers } from "@/server/services/buyers/list-blocked-buyers";
import { parseSearchParams } from "@/server/services/console-lists";
import { callService, performService } from "@/server/services/call-service";
import { ZBlockedBuyersQuery, ZBuyerBlock, ZBuyerUnblock } from "@/shared/command-schemas";

export const GET = defineMemberRoute({
  action: "buyer:list_blocked",
  handler: ({ member, request }) => callService(listBlockedBuyers, { member, ...parseSearchParams(request.url, ZBlockedBuyersQuery) }),
});

export const POST = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerBlock,
  handler: ({ member, body }) => performService(blockBuyer, { member, ...body }),
});

export const DELETE = defineMemberRoute({
  action: "buyer:block",
  body: ZBuyerUnblock,
  handler: ({ member, body }) => performService(unblockBuyer, { member, buyerId: body.buyerId }),
});
