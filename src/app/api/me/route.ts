// SET-1: the signed-in member's personal settings.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { getPersonalSettings } from "@/server/services/team/get-personal-settings";
import { updatePersonalSettings } from "@/server/services/team/update-personal-settings";
import { ZPersonalSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "personal_settings:read",
  handler: ({ member }) => getPersonalSettings(getDb(), { actor: member }),
});

export const PATCH = defineMemberRoute({
  action: "personal_settings:update",
  body: ZPersonalSettingsSchema,
  handler: ({ member, body }) => updatePersonalSettings(getDb(), { actor: member, changes: body }),
});
