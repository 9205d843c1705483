// TEAM-3: deactivation ends chat access at once. One transaction, under the shop's assignment
// lock, sets the status and puts the member's open sessions back in the queue: no assignment,
// transfer or drain can slip between the two, and a crash leaves either both or neither (issue 9).
// After commit their live consoles are dropped on every node, the events are published and the
// queue drains, routing the sessions to someone else (ASSIGN-4). Running it again on a
// deactivated member repeats the requeue and the drop, so a retry completes them.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { publish, revokeMemberAccess } from "@/server/realtime/publish";
import { lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { requeueMemberSessionsInTransaction } from "@/server/services/assignment/requeue-member-sessions";
import { settle } from "@/server/services/assignment/settle";
import type { Tx } from "@/server/services/messaging/append-message";
import type { MemberContext } from "@/server/services/resolve-member";
import { lockShopMember, memberChanged, toTeamMemberDto } from "@/server/services/team/team-records";
import type { OutgoingEvent } from "@/server/realtime/publish";
import type { TeamMemberDto } from "@/shared/team";

export async function deactivateMember(db: Database, input: { actor: MemberContext; memberId: string }): Promise<TeamMemberDto> {
  assertCan(input.actor, "team:deactivate");
  const { updated, events } = await db.$transaction(async (tx) => {
    // Lock order (assignment-lock.ts): the shop's assignment lock before any member row.
    await lockShopAssignments(tx, input.actor.shopId);
    const member = await lockShopMember(tx, input.actor.shopId, input.memberId);
    if (member.role === "owner") throw new AppError("FORBIDDEN", "The shop owner cannot be deactivated.");
    const updated = await tx.member.update({ where: { id: member.id }, data: { status: "deactivated" }, include: { user: true } });
    const events = await requeueInTransaction(tx, { shopId: updated.shopId, memberId: updated.id, actorMemberId: input.actor.memberId });
    return { updated, events };
  });
  await endMemberAccess(db, { shopId: updated.shopId, memberId: updated.id, message: `Your access to ${input.actor.shopName} was deactivated by the shop owner.`, events });
  publish([memberChanged(updated.shopId, updated.id, "deactivated")]);
  return toTeamMemberDto(updated);
}

/** Shared by deactivation and deletion: inside their transaction, after the status change. */
export function requeueInTransaction(tx: Tx, input: { shopId: string; memberId: string; actorMemberId: string }): Promise<OutgoingEvent[]> {
  return requeueMemberSessionsInTransaction(tx, input);
}

/**
 * Shared by deactivation and deletion, after their transaction committed: drop live consoles,
 * publish the requeue, then drain the queue so the sessions are routed at once (ASSIGN-4).
 */
export async function endMemberAccess(
  db: Database,
  input: { shopId: string; memberId: string; message: string; events: OutgoingEvent[] },
): Promise<void> {
  revokeMemberAccess(input.memberId, input.message);
  await settle(db, input.events, { drainShopId: input.shopId });
}
