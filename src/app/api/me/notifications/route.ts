// SET-2: sound, desktop notification and tab badge.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { updateNotificationPrefs } from "@/server/services/team/update-notification-prefs";
import { ZNotificationPrefsSchema } from "@/shared/team";

export const PUT = defineMemberRoute({
  action: "personal_settings:update",
  body: ZNotificationPrefsSchema,
  handler: ({ member, body }) => callService(updateNotificationPrefs, { actor: member, prefs: body }),
});
