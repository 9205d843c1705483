// TEAM-3: deactivation ends chat access at once. One transaction, under the shop's assignment
// lock, sets the status and puts the member's open sessions back in the queue: no assignment,
// transfer or drain can slip between the two, and a crash leaves either both or neither (issue 9).
// The result tells the adapter to drop their live consoles on every node, publish the requeue and
// route the queue again (ASSIGN-4). Running it again on a deactivated member repeats the requeue
// and the drop, so a retry completes them.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { ASSIGNMENT_TRANSACTION_OPTIONS, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { requeueMemberSessionsInTransaction } from "@/server/services/assignment/requeue-member-sessions";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { revokeConnections, serviceResult, type ServiceEvent, type ServiceResult } from "@/server/services/service-result";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";
import type { SignOutReason } from "@/core/sign-out-reason";

export async function deactivateMember(db: Database, input: { actor: MemberContext; memberId: string }): Promise<ServiceResult<TeamMemberDto>> {
  assertCan(input.actor, "team:deactivate");
  const { updated, events } = await db.$transaction(async (tx) => {
    // Lock order (assignment-lock.ts): the shop's assignment lock before any member row.
    await lockShopAssignments(tx, input.actor.shopId);
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner cannot be deactivated.");
    const updated = await tx.member.update({ where: { id: member.id }, data: { status: "deactivated", sessionVersion: { increment: 1 } }, include: { user: true } });
    const events = await endMemberAccess(tx, { shopId: updated.shopId, memberId: updated.id, actorMemberId: input.actor.memberId, message: `Your access to ${input.actor.shopName} was deactivated by the shop owner.`, reason: "deactivated" });
    return { updated, events };
  }, ASSIGNMENT_TRANSACTION_OPTIONS);
  return serviceResult(toTeamMemberDto(updated), [...events, memberChanged(updated.shopId, updated.id, "deactivated")], [updated.shopId]);
}

/**
 * Shared by deactivation and deletion, inside their transaction (which holds the shop's
 * assignment lock) after the status change: put open sessions back in the queue; the events drop
 * the live consoles, and the caller's drain routes the sessions to someone else at once.
 */
export async function endMemberAccess(
  tx: Tx,
  input: { shopId: string; memberId: string; actorMemberId: string; message: string; reason: SignOutReason },
): Promise<ServiceEvent[]> {
  const events = await requeueMemberSessionsInTransaction(tx, { shopId: input.shopId, memberId: input.memberId, actorMemberId: input.actorMemberId });
  return [revokeConnections(input.memberId, input.message, input.reason), ...events];
}
