// The workbench shows a buyer's orders only to members who may see that buyer's chat
// (docs/permissions.md, conversation:read): their own chats and history, Unassigned, and with
// chat access management (session:view_all) every chat of the shop. Anything else reads as
// "not found", so ids of other shops or other agents' chats reveal nothing.
import { AppError } from "@/core/errors";
import { can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";

export interface VisibleConversation {
  id: string;
  shopId: string;
  buyerId: string;
}

export async function loadVisibleConversation(
  db: Database,
  member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">,
  conversationId: string,
): Promise<VisibleConversation> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shopId: member.shopId },
    select: {
      id: true,
      shopId: true,
      buyerId: true,
      activeSession: { select: { state: true } },
      sessions: { where: { assigneeId: member.memberId }, select: { id: true }, take: 1 },
    },
  });
  const isVisible =
    !!conversation &&
    (can(member, "session:view_all") || conversation.activeSession?.state === "queued" || conversation.sessions.length > 0);
  if (!conversation || !isVisible) throw new AppError("NOT_FOUND", "This chat does not exist or is not one you can see.");
  return { id: conversation.id, shopId: conversation.shopId, buyerId: conversation.buyerId };
}
