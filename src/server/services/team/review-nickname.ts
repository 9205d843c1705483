// TEAM-4: the owner approves (or rejects) a nickname under review. Until then buyers see the
// member's previous nickname.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";

export async function reviewNickname(
  db: Database,
  input: { actor: MemberContext; memberId: string; decision: "approve" | "reject" },
): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:approve_nickname");
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (!member.pendingNickname) throw new AppError("CONFLICT", "No nickname of this member is waiting for review.");
    return tx.member.update({
      where: { id: member.id },
      data: {
        nickname: input.decision === "approve" ? member.pendingNickname : member.nickname,
        pendingNickname: null,
        nicknameReview: "approved",
      },
      include: { user: true },
    });
  });
  return serviceResult(toTeamMemberDto(updated), [memberChanged(updated.shopId, updated.id, "updated")]);
}
