// TEAM-5, ASSIGN-3: assignment mode and chat access management (which roles see and transfer
// every chat). The stored roles are normalised (the owner always, admins whenever agents), and
// every member's console reconnects after a change so it joins or leaves the all-chats room.
import { assertCan, can, normalizeChatAccessRoles } from "@/core/permissions";
import { toConsole } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { refreshConnections, serviceResult, type ServiceResult } from "@/server/services/service-result";
import { parseInput } from "@/server/services/team/parse-input";
import { ZAgentSettingsSchema, type AgentSettingsDto, type TAgentSettings } from "@/shared/team";

export async function getAgentSettings(db: Database, input: { actor: MemberContext }): Promise<AgentSettingsDto> {
  assertCan(input.actor, "settings:read");
  const shop = await db.shop.findUniqueOrThrow({ where: { id: input.actor.shopId } });
  return { assignmentMode: shop.assignmentMode, chatAccessRoles: normalizeChatAccessRoles(shop.chatAccessRoles) };
}

export async function updateAgentSettings(
  db: Database,
  input: { actor: MemberContext; settings: TAgentSettings },
): Promise<ServiceResult<AgentSettingsDto>> {
  assertCan(input.actor, "agent_settings:update");
  const settings = parseInput(ZAgentSettingsSchema, input.settings);
  const chatAccessRoles = normalizeChatAccessRoles(settings.chatAccessRoles);
  const { before, after } = await db.$transaction(async (tx) => {
    const before = await tx.shop.findUniqueOrThrow({ where: { id: input.actor.shopId } });
    const after = await tx.shop.update({ where: { id: before.id }, data: { assignmentMode: settings.assignmentMode, chatAccessRoles } });
    return { before, after };
  });
  const hasAccessChanged = normalizeChatAccessRoles(before.chatAccessRoles).join() !== chatAccessRoles.join();
  const members = hasAccessChanged
    ? await db.member.findMany({ where: { shopId: after.id, status: "active", deletedAt: null }, select: { id: true, role: true } })
    : [];
  // TEAM-5: each member's consoles hear what they may now see (their lists follow at once), then
  // reconnect so they join or leave the all-chats room.
  const events = members.flatMap((member) => [
    toConsole([rooms.member(member.id)], "access.changed", { role: member.role, canSeeAllChats: can({ role: member.role, chatAccessRoles }, "session:view_all") }),
    refreshConnections(member.id),
  ]);
  return serviceResult({ assignmentMode: after.assignmentMode, chatAccessRoles }, events);
}
