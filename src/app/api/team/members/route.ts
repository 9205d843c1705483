// TEAM-4: the team table (owner, admin).
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { listTeam } from "@/server/services/team/list-team";

export const GET = defineMemberRoute({
  action: "team:read",
  handler: async ({ member }) => ({ members: await listTeam(getDb(), { actor: member }) }),
});
