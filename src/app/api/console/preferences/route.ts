// CONSOLE-5: the member's console preferences. GET reads them; PATCH { sortOrder } remembers the
// chat list order (Member.sortOrder).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getConsolePreferences, PreferencesBodySchema, setSortOrder } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: ({ member }) => callService(getConsolePreferences, { member }),
});

export const PATCH = defineMemberRoute({
  action: "personal_settings:update",
  body: PreferencesBodySchema,
  handler: ({ member, body }) => callService(setSortOrder, { member, sortOrder: body.sortOrder }),
});
