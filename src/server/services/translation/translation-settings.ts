// SET-3: the shop-wide translation default (settings; owners and admins change it, every member
// reads it) and a chat's override (the console's chat menu; whoever may reply in the chat).
// With no engine configured both say translation is off, and changing them changes nothing.
import { assertCan } from "@/core/permissions";
import { effectiveTranslation, type ChatTranslationOverride, type ShopTranslationSetting } from "@/core/translation/translation-policy";
import { overrideConversationLanguage, type ConversationLanguage } from "@/core/translation/sticky-language";
import type { Database } from "@/server/db/client";
import { loadVisibleConversation } from "@/server/services/messaging/conversation-access";
import type { MemberContext } from "@/server/services/resolve-member";
import { parseInput } from "@/server/services/team/parse-input";
import { getTranslator } from "@/server/translation/translator-registry";
import type { ChatTranslationDto } from "@/shared/dto";
import { ZShopTranslationSettings, type ShopTranslationSettingsDto, type TShopTranslationSettings } from "@/shared/translation";

type StoredShopSetting = { translationMode: string; translationBuyerLanguage: string | null; translationAgentLanguage: string | null } | null;

export function shopSettingOf(settings: StoredShopSetting): ShopTranslationSetting {
  if (!settings) return { mode: "off" };
  if (settings.translationMode === "auto") return { mode: "auto" };
  if (settings.translationMode === "pair" && settings.translationBuyerLanguage && settings.translationAgentLanguage) {
    return { mode: "pair", buyerLanguage: settings.translationBuyerLanguage, agentLanguage: settings.translationAgentLanguage };
  }
  return { mode: "off" };
}

export function chatOverrideOf(conversation: { translationOverride: string | null; language: string | null }): ChatTranslationOverride {
  switch (conversation.translationOverride) {
    case "off":
      return { mode: "off" };
    case "auto":
      return { mode: "auto" };
    case "language":
      return conversation.language ? { mode: "language", language: conversation.language } : { mode: "auto" };
    default:
      return null;
  }
}

/** The engine's pairs for the settings page; an engine that cannot answer now lists none. */
async function enginePairs(): Promise<Array<{ from: string; to: string }>> {
  const translator = getTranslator();
  if (!translator) return [];
  try {
    return await translator.engine.languages({ signal: AbortSignal.timeout(2_000) });
  } catch {
    return [];
  }
}

export async function getShopTranslationSettings(db: Database, input: { actor: MemberContext }): Promise<ShopTranslationSettingsDto> {
  assertCan(input.actor, "settings:read");
  const settings = await db.shopSettings.findUnique({ where: { shopId: input.actor.shopId }, select: { translationMode: true, translationBuyerLanguage: true, translationAgentLanguage: true } });
  return { engine: getTranslator()?.engine.name ?? null, setting: shopSettingOf(settings), pairs: await enginePairs() };
}

export async function updateShopTranslationSettings(db: Database, input: { actor: MemberContext; setting: TShopTranslationSettings }): Promise<ShopTranslationSettingsDto> {
  assertCan(input.actor, "settings:update");
  const setting = parseInput(ZShopTranslationSettings, input.setting);
  const data = {
    translationMode: setting.mode,
    translationBuyerLanguage: setting.mode === "pair" ? setting.buyerLanguage : null,
    translationAgentLanguage: setting.mode === "pair" ? setting.agentLanguage : null,
  };
  await db.shopSettings.upsert({ where: { shopId: input.actor.shopId }, update: data, create: { shopId: input.actor.shopId, ...data } });
  return getShopTranslationSettings(db, input);
}

function toChatTranslationDto(conversation: { translationOverride: string | null; language: string | null }, shop: StoredShopSetting): ChatTranslationDto {
  const available = getTranslator() !== undefined;
  const override = (conversation.translationOverride ?? "shop") as ChatTranslationDto["override"];
  const effective = effectiveTranslation({ engineConfigured: available, shop: shopSettingOf(shop), chat: chatOverrideOf(conversation) });
  return { available, override, on: effective.on, buyerLanguage: effective.on && effective.buyerLanguage ? effective.buyerLanguage : conversation.language };
}

const SHOP_SETTING_SELECT = { translationMode: true, translationBuyerLanguage: true, translationAgentLanguage: true } as const;

/** The chat menu's state, for the conversation's details. */
export async function readChatTranslation(db: Database, input: { shopId: string; conversation: { translationOverride: string | null; language: string | null } }): Promise<ChatTranslationDto> {
  const shop = await db.shopSettings.findUnique({ where: { shopId: input.shopId }, select: SHOP_SETTING_SELECT });
  return toChatTranslationDto(input.conversation, shop);
}

/**
 * The chat menu: follow the shop ("shop"), off, auto-detect, or a chosen buyer language. A chosen
 * language becomes the conversation's (detection no longer changes it, sticky-language.ts); any
 * other choice hands the language back to detection.
 */
export async function setChatTranslation(
  db: Database,
  input: { member: MemberContext; conversationId: string; mode: ChatTranslationDto["override"]; language?: string },
): Promise<ChatTranslationDto> {
  assertCan(input.member, "message:send");
  const conversation = await loadVisibleConversation(db, input.member, input.conversationId);
  const current: ConversationLanguage = { language: conversation.language, source: conversation.languageSource as ConversationLanguage["source"] };
  const language = overrideConversationLanguage(current, input.mode === "language" ? input.language ?? null : null);
  const updated = await db.conversation.update({
    where: { id: conversation.id },
    data: { translationOverride: input.mode === "shop" ? null : input.mode, language: language.language, languageSource: language.source },
    select: { translationOverride: true, language: true },
  });
  return readChatTranslation(db, { shopId: input.member.shopId, conversation: updated });
}
