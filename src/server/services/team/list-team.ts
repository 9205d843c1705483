// TEAM-4: the team table, owner first, then admins, then agents; deactivated members stay listed
// (they can be activated again), deleted ones do not.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { toTeamMemberDto } from "@/server/services/team/team-records";
import type { TeamMemberDto } from "@/shared/team";

const ROLE_ORDER = { owner: 0, admin: 1, agent: 2 } as const;

export async function listTeam(db: Database, input: { actor: MemberContext }): Promise<TeamMemberDto[]> {
  assertCan(input.actor, "team:read");
  const members = await db.member.findMany({
    where: { shopId: input.actor.shopId, deletedAt: null, status: { in: ["active", "deactivated"] } },
    include: { user: true },
    orderBy: { createdAt: "asc" },
  });
  return members
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.createdAt.getTime() - b.createdAt.getTime())
    .map(toTeamMemberDto);
}
