// TEAM-5: assignment mode and chat access management. Everyone reads; owner and admin change.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService, performService } from "@/server/services/call-service";
import { getAgentSettings, updateAgentSettings } from "@/server/services/team/agent-settings";
import { ZAgentSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "settings:read",
  handler: ({ member }) => callService(getAgentSettings, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "agent_settings:update",
  body: ZAgentSettingsSchema,
  handler: ({ member, body }) => performService(updateAgentSettings, { actor: member, settings: body }),
});
