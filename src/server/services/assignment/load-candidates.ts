// The figures the assignment core compares, read inside the shop's assignment lock so that
// they cannot change before the claim commits (ASSIGN-7).
import type { AssignmentCandidate } from "@/core/assignment";
import type { Tx } from "@/server/services/messaging/append-message";

/** Start of the UTC day: "assigned today" for assign-equally (ASSIGN-3) counts from here. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function loadCandidates(tx: Tx, input: { shopId: string; onlineMemberIds: ReadonlySet<string>; now: Date }): Promise<AssignmentCandidate[]> {
  const members = await tx.member.findMany({
    where: { shopId: input.shopId, deletedAt: null, status: { in: ["active", "deactivated"] } },
    select: { id: true, status: true, acceptAutoAssign: true, openSessionCount: true, maxCapacity: true },
    orderBy: { id: "asc" },
  });
  const assignedToday = await tx.assignment.groupBy({
    by: ["toMemberId"],
    where: { shopId: input.shopId, createdAt: { gte: startOfUtcDay(input.now) }, kind: { not: "requeue" }, toMemberId: { not: null } },
    _count: { _all: true },
  });
  const todayByMember = new Map(assignedToday.map((row) => [row.toMemberId, row._count._all]));
  return members.map((member) => ({
    memberId: member.id,
    status: member.status,
    // Every role chats (TEAM-1: owners and admins have every agent permission).
    mayChat: true,
    acceptAutoAssign: member.acceptAutoAssign,
    isOnline: input.onlineMemberIds.has(member.id),
    openSessions: member.openSessionCount,
    maxCapacity: member.maxCapacity,
    assignedToday: todayByMember.get(member.id) ?? 0,
  }));
}
