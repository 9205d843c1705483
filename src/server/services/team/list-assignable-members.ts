// CHAT-6, ASSIGN-5: the shop's active members for the transfer and "assign to" dialogs: nickname,
// avatar, load (open sessions / capacity), accept switch and presence. Deactivated, invited and
// deleted members are never offered (they cannot receive chats). `q` narrows by nickname.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { getRouting, type RoutingContext } from "@/server/services/assignment/routing-context";
import type { MemberContext } from "@/server/services/resolve-member";
import type { ConsoleMemberDto } from "@/components/console/chat-window/conversation-types";

export async function listAssignableMembers(
  db: Database,
  input: { member: MemberContext; q?: string; routing?: RoutingContext },
): Promise<{ members: ConsoleMemberDto[] }> {
  assertCan(input.member, "session:transfer");
  const routing = input.routing ?? getRouting();
  const [members, online] = await Promise.all([
    db.member.findMany({
      where: {
        shopId: input.member.shopId,
        status: "active",
        deletedAt: null,
        user: { deletedAt: null },
        ...(input.q ? { nickname: { contains: input.q, mode: "insensitive" as const } } : {}),
      },
      orderBy: [{ nickname: "asc" }, { id: "asc" }],
      select: { id: true, nickname: true, avatarUrl: true, role: true, openSessionCount: true, maxCapacity: true, acceptAutoAssign: true },
    }),
    routing.presence.onlineMemberIds(input.member.shopId, routing.now()),
  ]);
  return {
    members: members.map((row) => ({
      memberId: row.id,
      nickname: row.nickname,
      avatarUrl: row.avatarUrl,
      role: row.role,
      openSessions: row.openSessionCount,
      capacity: row.maxCapacity,
      acceptAutoAssign: row.acceptAutoAssign,
      isOnline: online.has(row.id),
    })),
  };
}
