// Which conversations a member may see (CONSOLE-1, TEAM-5): every queued one (the Unassigned
// list), the ones they hold, held or handed on, and, for roles with chat access management, all.
// Anything else is "not found", so that nothing reveals another agent's chats.
import { AppError } from "@/core/errors";
import { can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MemberContext } from "@/server/services/resolve-member";

export async function loadVisibleConversation(
  db: Database | Tx,
  member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">,
  conversationId: string,
) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shopId: member.shopId },
    include: { activeSession: true, buyer: { include: { blocked: true } } },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "That chat was not found.");
  if (can(member, "session:view_all")) return conversation;
  const active = conversation.activeSession;
  if (active && (active.state === "queued" || active.assigneeId === member.memberId)) return conversation;
  // Held before, or transferred away: the history of their own work stays readable.
  const heldBefore = await db.chatSession.findFirst({
    where: {
      conversationId,
      OR: [
        { assigneeId: member.memberId },
        { assignments: { some: { OR: [{ toMemberId: member.memberId }, { fromMemberId: member.memberId }] } } },
      ],
    },
    select: { id: true },
  });
  if (heldBefore) return conversation;
  throw new AppError("NOT_FOUND", "That chat was not found.");
}
