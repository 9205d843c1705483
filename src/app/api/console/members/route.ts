// CHAT-6, ASSIGN-5: GET /api/console/members — the shop's active members for the transfer and
// "assign to" dialogs: nickname, avatar, load (open sessions / capacity), accept switch and
// presence. Deactivated, invited and deleted members are never offered (they cannot receive
// chats). `?q=` narrows by nickname.
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { getRouting } from "@/server/services/assignment/routing-context";
import { parseQuery } from "@/server/services/integration/parse-request";
import type { ConsoleMemberDto } from "@/components/console/chat-window/conversation-types";

const ZQuery = z.object({ q: z.string().trim().max(60).optional() });

export const GET = defineMemberRoute({
  action: "session:transfer",
  handler: async ({ member, request }): Promise<{ members: ConsoleMemberDto[] }> => {
    const query = parseQuery(request, ZQuery);
    const routing = getRouting();
    const [members, online] = await Promise.all([
      getDb().member.findMany({
        where: {
          shopId: member.shopId,
          status: "active",
          deletedAt: null,
          user: { deletedAt: null },
          ...(query.q ? { nickname: { contains: query.q, mode: "insensitive" as const } } : {}),
        },
        orderBy: [{ nickname: "asc" }, { id: "asc" }],
        select: { id: true, nickname: true, avatarUrl: true, role: true, openSessionCount: true, maxCapacity: true, acceptAutoAssign: true },
      }),
      routing.presence.onlineMemberIds(member.shopId, routing.now()),
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
  },
});
