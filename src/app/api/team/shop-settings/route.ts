// SET-6: shop settings. Everyone reads (agents read only, TEAM-1); owner and admin change.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { getShopSettings, updateShopSettings } from "@/server/services/team/shop-settings";
import { ZShopSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "settings:read",
  handler: ({ member }) => getShopSettings(getDb(), { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "settings:update",
  body: ZShopSettingsSchema,
  // The schema's output (deduplicated review words) is valid input for the service's own check.
  handler: ({ member, body }) => updateShopSettings(getDb(), { actor: member, settings: body }),
});
