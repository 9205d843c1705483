// Which conversations a member may see: the one rule of src/core/visibility (CONSOLE-1, TEAM-5),
// applied in SQL by visibleConversationSql. Anything else is "not found", so that nothing
// reveals another agent's chats.
import { AppError } from "@/core/errors";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";
import { toViewer, visibleConversationSql } from "@/server/services/console-lists/scope";
import type { MemberContext } from "@/server/services/resolve-member";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadVisibleConversation(
  db: Database | Tx,
  member: Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">,
  conversationId: string,
) {
  if (!UUID.test(conversationId)) throw new AppError("NOT_FOUND", "That chat was not found.");
  const viewer = toViewer(member);
  const visible = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c.id FROM "Conversation" c
    WHERE c.id = ${conversationId}::uuid AND c."shopId" = ${member.shopId}::uuid AND ${visibleConversationSql(viewer, Prisma.sql`c.id`)}`;
  if (visible.length === 0) throw new AppError("NOT_FOUND", "That chat was not found.");
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shopId: member.shopId },
    include: { activeSession: true, buyer: { include: { blocked: true } } },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "That chat was not found.");
  return conversation;
}
