// TEAM-3: the owner changes a member's role between admin and agent. The owner's own role never
// changes (there is one owner, the shop's creator), and the email is not editable anywhere.
// The member's consoles reconnect so their rooms and permissions follow the new role at once.
import { AppError } from "@/core/errors";
import { assertCan, can } from "@/core/permissions";
import { toConsole } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { refreshConnections, serviceResult, type ServiceResult } from "@/server/services/service-result";
import { parseInput } from "@/server/services/team/parse-input";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import { ZChangeRoleSchema, type TeamMemberDto } from "@/shared/team";

export async function changeMemberRole(
  db: Database,
  input: { actor: MemberContext; memberId: string; role: "admin" | "agent" },
): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:change_role");
  const { role } = parseInput(ZChangeRoleSchema, { role: input.role });
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner's role cannot be changed.");
    return tx.member.update({ where: { id: member.id }, data: { role }, include: { user: true, shop: { select: { chatAccessRoles: true } } } });
  });
  // TEAM-5: the member's consoles hear what they may now see, then reconnect with the new role's rooms.
  const access = { role: updated.role, canSeeAllChats: can({ role: updated.role, chatAccessRoles: updated.shop.chatAccessRoles }, "session:view_all") };
  return serviceResult(toTeamMemberDto(updated), [
    toConsole([rooms.member(updated.id)], "access.changed", access),
    refreshConnections(updated.id),
    memberChanged(updated.shopId, updated.id, "role_changed"),
  ]);
}
