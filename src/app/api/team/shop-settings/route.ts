// SET-6: shop settings. Everyone reads (agents read only, TEAM-1); owner and admin change.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getShopSettings, updateShopSettings } from "@/server/services/team/shop-settings";
import { ZShopSettingsSchema } from "@/shared/team";

export const GET = defineMemberRoute({
  action: "settings:read",
  handler: ({ member }) => callService(getShopSettings, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "settings:update",
  body: ZShopSettingsSchema,
  // The schema's output (deduplicated review words) is valid input for the service's own check.
  handler: ({ member, body }) => callService(updateShopSettings, { actor: member, settings: body }),
});
