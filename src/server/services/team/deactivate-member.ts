// TEAM-3: deactivation ends chat access at once. The status change commits first, so no new
// request, socket or assignment accepts the member; then their live consoles are dropped on
// every node and their open sessions go back to the queue to be routed again. Running it again
// on a deactivated member repeats the last two steps, so a retry after a failure completes them.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { publish, revokeMemberAccess } from "@/server/realtime/publish";
import { requeueMemberSessions } from "@/server/services/assignment/requeue-member-sessions";
import { settle } from "@/server/services/assignment/settle";
import type { MemberContext } from "@/server/services/resolve-member";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";

export async function deactivateMember(db: Database, input: { actor: MemberContext; memberId: string }): Promise<TeamMemberDto> {
  assertCan(input.actor, "team:deactivate");
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner cannot be deactivated.");
    return tx.member.update({ where: { id: member.id }, data: { status: "deactivated", sessionVersion: { increment: 1 } }, include: { user: true } });
  });
  await endMemberAccess(db, { shopId: updated.shopId, memberId: updated.id, actorMemberId: input.actor.memberId, message: `Your access to ${input.actor.shopName} was deactivated by the shop owner.` });
  publish([memberChanged(updated.shopId, updated.id, "deactivated")]);
  return toTeamMemberDto(updated);
}

/**
 * Shared by deactivation and deletion: drop live consoles, put open sessions back in the queue,
 * then drain the queue so they are routed to someone else at once (ASSIGN-4).
 */
export async function endMemberAccess(
  db: Database,
  input: { shopId: string; memberId: string; actorMemberId: string; message: string },
): Promise<void> {
  revokeMemberAccess(input.memberId, input.message);
  const events = await requeueMemberSessions(db, { shopId: input.shopId, memberId: input.memberId, actorMemberId: input.actorMemberId });
  await settle(db, events, { drainShopId: input.shopId });
}
