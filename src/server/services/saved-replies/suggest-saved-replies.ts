// AUTO-2: the composer's `/` list for one chat: the best matches of the query among the shop's
// and the member's own replies, each body with this chat's variables filled in on the server,
// which knows the buyer, the member and the session's context order (WIDGET-2) for certain.
// The chat must be one the member may see (conversation-access.ts), else "not found".
import { assertCan } from "@/core/permissions";
import { fillVariables, matchSavedReplies, PERSONAL_LIMIT, SHOP_WIDE_LIMIT } from "@/core/saved-replies";
import type { Database } from "@/server/db/client";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import type { MemberContext } from "@/server/services/resolve-member";
import type { SavedReplySuggestionDto } from "@/shared/saved-replies";
import { scopeOf, visibleWhere } from "./saved-reply-records";

export const SUGGESTIONS_DEFAULT = 8;

export async function suggestSavedReplies(
  db: Database,
  input: { member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles" | "nickname" | "shopName">; conversationId: string; q?: string; limit?: number },
): Promise<{ items: SavedReplySuggestionDto[] }> {
  const { member } = input;
  assertCan(member, "saved_reply:read");
  const conversation = await loadVisibleConversation(db, member, input.conversationId);
  // The open session's order, else the latest session's (a closed chat still shows its context).
  const session = conversation.activeSession
    ?? (await db.chatSession.findFirst({ where: { conversationId: conversation.id }, orderBy: { createdAt: "desc" } }));
  const order = session?.contextOrderId
    ? await db.order.findFirst({ where: { id: session.contextOrderId, shopId: member.shopId, buyerId: conversation.buyerId }, select: { externalId: true } })
    : null;
  const values = { buyer: conversation.buyer.nickname, agent: member.nickname, shop: member.shopName, order_id: order?.externalId ?? null };
  const rows = await db.savedReply.findMany({ where: visibleWhere(member), orderBy: [{ shortcut: "asc" }, { id: "asc" }], take: SHOP_WIDE_LIMIT + PERSONAL_LIMIT });
  const items = matchSavedReplies(rows, input.q ?? "", Math.min(Math.max(input.limit ?? SUGGESTIONS_DEFAULT, 1), 20)).map(({ reply }) => {
    const filled = fillVariables(reply.body, values);
    return { id: reply.id, scope: scopeOf(reply), shortcut: reply.shortcut, title: reply.title, text: filled.text, missing: filled.missing };
  });
  return { items };
}
