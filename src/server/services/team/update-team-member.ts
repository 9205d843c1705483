// TEAM-4: owners and admins set a member's nickname, max capacity (1..999) and accept switch.
// A nickname an admin sets goes through the review list like anyone's; the owner's applies.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { planNicknameChange } from "@/server/services/team/nickname-review";
import { parseInput } from "@/server/services/team/parse-input";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import { ZUpdateTeamMemberSchema, type TUpdateTeamMember, type TeamMemberDto } from "@/shared/team";

export async function updateTeamMember(
  db: Database,
  input: { actor: MemberContext; memberId: string; changes: TUpdateTeamMember },
): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:update_member");
  const changes = parseInput(ZUpdateTeamMemberSchema, input.changes);
  let mayAddCapacity = false;
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    mayAddCapacity = (changes.maxCapacity !== undefined && changes.maxCapacity > member.maxCapacity) || (changes.acceptAutoAssign === true && !member.acceptAutoAssign);
    const settings = changes.nickname === undefined ? null : await tx.shopSettings.findUnique({ where: { shopId: member.shopId } });
    const nickname = changes.nickname === undefined
      ? {}
      : planNicknameChange({ current: member, requested: changes.nickname, reviewWords: settings?.reviewWords ?? [], isSetByOwner: input.actor.role === "owner" });
    return tx.member.update({
      where: { id: member.id },
      data: { ...nickname, maxCapacity: changes.maxCapacity, acceptAutoAssign: changes.acceptAutoAssign },
      include: { user: true },
    });
  });
  // A higher capacity or the switch turned on can let queued sessions in (ASSIGN-4).
  return serviceResult(toTeamMemberDto(updated), [memberChanged(updated.shopId, updated.id, "updated")], [mayAddCapacity ? updated.shopId : null]);
}
