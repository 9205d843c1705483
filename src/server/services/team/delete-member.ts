// TEAM-3: the owner deletes a member, who can no longer sign in to the shop. Rows stay for
// history (their messages, assignments and ratings keep their author): the membership is marked
// deleted and deactivated, and the user is marked deleted too when no other shop still has them.
// Access ends exactly as on deactivation, in the same transaction as the deletion (the adapter
// drops consoles and drains the queue).
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { endMemberAccess } from "@/server/services/team/deactivate-member";
import { lockShopMember, memberChanged } from "@/server/services/team/team-records";

export async function deleteMember(
  db: Database,
  input: { actor: MemberContext; memberId: string; now?: Date },
): Promise<ServiceResult<{ memberId: string; isUserDeleted: boolean }>> {
  assertCan(input.actor, "team:delete");
  const now = input.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    await lockShopAssignments(tx, input.actor.shopId);
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner cannot be deleted.");
    await tx.member.update({ where: { id: member.id }, data: { deletedAt: now, status: "deactivated", pendingNickname: null, nicknameReview: "approved" } });
    const otherMemberships = await tx.member.count({ where: { userId: member.userId, deletedAt: null, id: { not: member.id } } });
    if (otherMemberships === 0) await tx.user.update({ where: { id: member.userId }, data: { deletedAt: now } });
    const events = await endMemberAccess(tx, { shopId: member.shopId, memberId: member.id, actorMemberId: input.actor.memberId, message: `You were removed from ${input.actor.shopName} by the shop owner.`, reason: "removed" });
    return { memberId: member.id, shopId: member.shopId, isUserDeleted: otherMemberships === 0, events };
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
  return serviceResult(
    { memberId: result.memberId, isUserDeleted: result.isUserDeleted },
    [...result.events, memberChanged(result.shopId, result.memberId, "deleted")],
    [result.shopId],
  );
}
