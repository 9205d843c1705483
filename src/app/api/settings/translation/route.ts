// SET-3: the shop-wide translation default. Everyone reads it (agents read only, TEAM-1); owners
// and admins change it. With no engine configured it reads `engine: null` (translation is off).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getShopTranslationSettings, updateShopTranslationSettings } from "@/server/services/translation/translation-settings";
import { ZShopTranslationSettings } from "@/shared/translation";

export const GET = defineMemberRoute({
  action: "settings:read",
  handler: ({ member }) => callService(getShopTranslationSettings, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "settings:update",
  body: ZShopTranslationSettings,
  handler: ({ member, body }) => callService(updateShopTranslationSettings, { actor: member, setting: body }),
});
