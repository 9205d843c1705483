// TEAM-5: assignment mode and chat access management. Everyone reads; owner and admin change.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { getAgentSettings, updateAgentSettings } from "@/server/services/team/agent-settings";
import { ZAgentSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "settings:read",
  handler: ({ member }) => getAgentSettings(getDb(), { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "agent_settings:update",
  body: ZAgentSettingsSchema,
  handler: ({ member, body }) => updateAgentSettings(getDb(), { actor: member, settings: body }),
});
