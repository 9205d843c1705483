// AUTO-2: PATCH (shortcut, title, body) or DELETE one saved reply the member may manage.
// Another member's personal reply is 404; a shop-wide one for an agent is 403.
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { deleteSavedReply, updateSavedReply } from "@/server/services/saved-replies/manage-saved-reply";
import { ZSavedReplyUpdate } from "@/shared/saved-replies";

function idOf(params: Record<string, string | string[]>): string {
  return String(params.id ?? "");
}

export const PATCH = defineMemberRoute({
  action: "saved_reply:manage_own",
  body: ZSavedReplyUpdate,
  handler: ({ member, body, params }) => performService(updateSavedReply, { member, id: idOf(params), ...body }),
});

export const DELETE = defineMemberRoute({
  action: "saved_reply:manage_own",
  handler: ({ member, params }) => performService(deleteSavedReply, { member, id: idOf(params) }),
});
