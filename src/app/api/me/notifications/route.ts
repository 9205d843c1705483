// SET-2: sound, desktop notification and tab badge.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { updateNotificationPrefs } from "@/server/services/team/update-notification-prefs";
import { ZNotificationPrefsSchema } from "@/shared/team";

export const PUT = defineMemberRoute({
  action: "personal_settings:update",
  body: ZNotificationPrefsSchema,
  handler: ({ member, body }) => updateNotificationPrefs(getDb(), { actor: member, prefs: body }),
});
