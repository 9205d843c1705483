// AUTO-2: GET a page of the saved replies the member sees (?scope=shop|personal|all, ?q= typo-
// tolerant search, ?cursor=, ?limit=), POST one (shop-wide needs saved_reply:manage_shop).
import { defineMemberRoute } from "@/server/http/define-route";
import { parseSearchParams } from "@/server/services/console-lists";
import { callService, performService } from "@/server/services/call-service";
import { listSavedReplies } from "@/server/services/saved-replies/list-saved-replies";
import { createSavedReply } from "@/server/services/saved-replies/manage-saved-reply";
import { ZSavedRepliesQuery, ZSavedReplyCreate } from "@/shared/saved-replies";

export const GET = defineMemberRoute({
  action: "saved_reply:read",
  handler: ({ member, request }) => callService(listSavedReplies, { member, ...parseSearchParams(request.url, ZSavedRepliesQuery) }),
});

export const POST = defineMemberRoute({
  action: "saved_reply:manage_own",
  body: ZSavedReplyCreate,
  handler: ({ member, body }) => performService(createSavedReply, { member, ...body }),
});
