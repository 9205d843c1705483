// SET-6: due-soon threshold, greeting, auto-send threshold and the nickname review list. Every
// member reads them (agents cannot change them, TEAM-1); owners and admins edit them.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { ShopSettings } from "@/generated/prisma/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { parseInput } from "@/server/services/team/parse-input";
import { ZShopSettingsSchema, type ShopSettingsDto, type TShopSettingsInput } from "@/shared/team";

export async function getShopSettings(db: Database, input: { actor: MemberContext }): Promise<ShopSettingsDto> {
  assertCan(input.actor, "settings:read");
  // A shop created without a settings row gets the defaults on first read.
  const settings = await db.shopSettings.upsert({ where: { shopId: input.actor.shopId }, update: {}, create: { shopId: input.actor.shopId } });
  return toShopSettingsDto(settings);
}

export async function updateShopSettings(
  db: Database,
  input: { actor: MemberContext; settings: TShopSettingsInput },
): Promise<ShopSettingsDto> {
  assertCan(input.actor, "settings:update");
  const data = parseInput(ZShopSettingsSchema, input.settings);
  const settings = await db.shopSettings.upsert({
    where: { shopId: input.actor.shopId },
    update: data,
    create: { shopId: input.actor.shopId, ...data },
  });
  return toShopSettingsDto(settings);
}

function toShopSettingsDto(settings: ShopSettings): ShopSettingsDto {
  return {
    dueSoonThresholdMinutes: settings.dueSoonThresholdMinutes,
    greetingEnabled: settings.greetingEnabled,
    greetingTemplate: settings.greetingTemplate,
    autoSendThreshold: settings.autoSendThreshold,
    reviewWords: settings.reviewWords,
    allowedOrigins: settings.allowedOrigins,
    offlineMessage: settings.offlineMessage,
  };
}
