// SET-6, AUTO-4: the shop's auto-send threshold. null = automatic answers off (the default for a
// new shop); when an owner or admin switches them on, DEFAULT_AUTO_SEND_THRESHOLD is suggested.
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import { DEFAULT_AUTO_SEND_THRESHOLD } from "@/core/faq";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";

import type { AutoSendSettingsDto } from "@/shared/faq-dto";

export async function readAutoSendSettings(db: Database, input: { actor: MemberContext }): Promise<AutoSendSettingsDto> {
  assertCan(input.actor, "faq:read");
  const settings = await db.shopSettings.findUnique({ where: { shopId: input.actor.shopId }, select: { autoSendThreshold: true } });
  return { autoSendThreshold: settings?.autoSendThreshold ?? null, defaultThreshold: DEFAULT_AUTO_SEND_THRESHOLD };
}

export async function updateAutoSendThreshold(db: Database, input: { actor: MemberContext; autoSendThreshold: number | null }): Promise<AutoSendSettingsDto> {
  assertCan(input.actor, "automation:update");
  const value = input.autoSendThreshold;
  if (value !== null && !(value >= 0.5 && value <= 1)) throw new AppError("BAD_INPUT", "The threshold must be between 0.5 and 1.", { autoSendThreshold: ["Between 0.5 and 1."] });
  await db.shopSettings.upsert({ where: { shopId: input.actor.shopId }, create: { shopId: input.actor.shopId, autoSendThreshold: value }, update: { autoSendThreshold: value } });
  return { autoSendThreshold: value, defaultThreshold: DEFAULT_AUTO_SEND_THRESHOLD };
}
