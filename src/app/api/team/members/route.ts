// TEAM-4: the team table (owner, admin).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { listTeam } from "@/server/services/team/list-team";

export const GET = defineMemberRoute({
  action: "team:read",
  handler: async ({ member }) => ({ members: await callService(listTeam, { actor: member }) }),
});
