// SET-1: the signed-in member's personal settings.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService, performService } from "@/server/services/call-service";
import { getPersonalSettings } from "@/server/services/team/get-personal-settings";
import { updatePersonalSettings } from "@/server/services/team/update-personal-settings";
import { ZPersonalSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "personal_settings:read",
  handler: ({ member }) => callService(getPersonalSettings, { actor: member }),
});

export const PATCH = defineMemberRoute({
  action: "personal_settings:update",
  body: ZPersonalSettingsSchema,
  handler: ({ member, body }) => performService(updatePersonalSettings, { actor: member, changes: body }),
});
