// AUTO-1: the greeting (on/off, template, repeat window). Owners and admins.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getGreetingSettings, updateGreetingSettings } from "@/server/services/automation/automation-settings";
import { ZGreetingSettingsSchema } from "@/shared/automation";

export const GET = defineMemberRoute({
  action: "automation:update",
  handler: ({ member }) => callService(getGreetingSettings, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "automation:update",
  body: ZGreetingSettingsSchema,
  handler: ({ member, body }) => callService(updateGreetingSettings, { actor: member, greeting: body }),
});
