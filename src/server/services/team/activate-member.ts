// TEAM-3: a deactivated member is activated again; they sign in and chat as before.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";

export async function activateMember(db: Database, input: { actor: MemberContext; memberId: string }): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:deactivate");
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.status === "invited") throw new AppError("CONFLICT", "This person has not accepted the invitation yet.");
    return tx.member.update({ where: { id: member.id }, data: { status: "active" }, include: { user: true } });
  });
  return serviceResult(toTeamMemberDto(updated), [memberChanged(updated.shopId, updated.id, "activated")]);
}
