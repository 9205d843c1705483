// TEAM-3: deactivation ends chat access at once. The status change commits first, so no new
// request, socket or assignment accepts the member; then their open sessions go back to the
// queue, and the result tells the adapter to drop their live consoles on every node and route the
// queue again. Running it again on a deactivated member repeats the requeue, so a retry after a
// failure completes it.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { requeueMemberSessions } from "@/server/services/assignment/requeue-member-sessions";
import type { MemberContext } from "@/server/services/resolve-member";
import { revokeConnections, serviceResult, type ServiceEvent, type ServiceResult } from "@/server/services/service-result";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";

export async function deactivateMember(db: Database, input: { actor: MemberContext; memberId: string }): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:deactivate");
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner cannot be deactivated.");
    return tx.member.update({ where: { id: member.id }, data: { status: "deactivated" }, include: { user: true } });
  });
  const events = await endMemberAccess(db, { shopId: updated.shopId, memberId: updated.id, actorMemberId: input.actor.memberId, message: `Your access to ${input.actor.shopName} was deactivated by the shop owner.` });
  return serviceResult(toTeamMemberDto(updated), [...events, memberChanged(updated.shopId, updated.id, "deactivated")], [updated.shopId]);
}

/**
 * Shared by deactivation and deletion: put open sessions back in the queue; the events drop the
 * live consoles, and the caller's drain routes the sessions to someone else at once (ASSIGN-4).
 */
export async function endMemberAccess(
  db: Database,
  input: { shopId: string; memberId: string; actorMemberId: string; message: string },
): Promise<ServiceEvent[]> {
  const events = await requeueMemberSessions(db, { shopId: input.shopId, memberId: input.memberId, actorMemberId: input.actorMemberId });
  return [revokeConnections(input.memberId, input.message), ...events];
}
