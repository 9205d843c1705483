// CONSOLE-5: the member's console preferences. GET reads them; PATCH { sortOrder } remembers the
// chat list order (Member.sortOrder).
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { getConsolePreferences, PreferencesBodySchema, setSortOrder } from "@/server/services/console-lists";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: ({ member }) => getConsolePreferences(getDb(), { member }),
});

export const PATCH = defineMemberRoute({
  action: "personal_settings:update",
  body: PreferencesBodySchema,
  handler: ({ member, body }) => setSortOrder(getDb(), { member, sortOrder: body.sortOrder }),
});
