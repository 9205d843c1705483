// AUTO-2: GET ?conversationId=&q=&limit= — the composer's `/` list for one chat, variables filled.
import { defineMemberRoute } from "@/server/http/define-route";
import { parseSearchParams } from "@/server/services/console-lists";
import { callService } from "@/server/services/call-service";
import { suggestSavedReplies } from "@/server/services/saved-replies/suggest-saved-replies";
import { ZSavedReplySuggestQuery } from "@/shared/saved-replies";

export const GET = defineMemberRoute({
  action: "saved_reply:read",
  handler: ({ member, request }) => callService(suggestSavedReplies, { member, ...parseSearchParams(request.url, ZSavedReplySuggestQuery) }),
});
