// SET-3, issue 13 item 3: when a message is translated, and from which language into which. Pure:
// the translation service reads the settings, the conversation and the people, and asks here.
//
// Incoming (a buyer's message): from the buyer's language into the agent's. Outgoing (an agent's
// reply, a saved reply, a card's caption, a bot answer, a greeting): from the agent's language
// into the buyer's. System notes are never translated; messages without text neither.
import type { LanguageCode } from "./languages";
import { isDecisive, type LanguageDetection } from "./sticky-language";

/** The shop-wide default (settings). */
export type ShopTranslationSetting =
  | { mode: "off" }
  | { mode: "auto" }
  /** A chosen pair: the buyers write `buyerLanguage`, the agents `agentLanguage`; no detection. */
  | { mode: "pair"; buyerLanguage: LanguageCode; agentLanguage: LanguageCode };

/** A chat's override from the console's chat menu; null follows the shop. */
export type ChatTranslationOverride = null | { mode: "off" } | { mode: "auto" } | { mode: "language"; language: LanguageCode };

/** What applies to one chat. A null language is found at the time: detected, or the member's. */
export type EffectiveTranslation =
  | { on: false }
  | { on: true; buyerLanguage: LanguageCode | null; agentLanguage: LanguageCode | null };

export const TRANSLATION_OFF: EffectiveTranslation = { on: false };

export function effectiveTranslation(input: { engineConfigured: boolean; shop: ShopTranslationSetting; chat: ChatTranslationOverride }): EffectiveTranslation {
  const { shop, chat } = input;
  if (!input.engineConfigured) return TRANSLATION_OFF;
  // A chosen pair also fixes the agents' language when a chat overrides only the buyer's.
  const shopAgentLanguage = shop.mode === "pair" ? shop.agentLanguage : null;
  if (chat === null) {
    if (shop.mode === "off") return TRANSLATION_OFF;
    if (shop.mode === "auto") return { on: true, buyerLanguage: null, agentLanguage: null };
    return { on: true, buyerLanguage: shop.buyerLanguage, agentLanguage: shop.agentLanguage };
  }
  if (chat.mode === "off") return TRANSLATION_OFF;
  if (chat.mode === "auto") return { on: true, buyerLanguage: null, agentLanguage: shopAgentLanguage };
  return { on: true, buyerLanguage: chat.language, agentLanguage: shopAgentLanguage };
}

/**
 * The agent's language: the chosen pair's, else the member's own setting (the assignee, or the
 * agent who wrote), else the shop's language, else English.
 */
export function agentLanguageOf(input: { fixed: LanguageCode | null; member: LanguageCode | null; shop: LanguageCode | null }): LanguageCode {
  return input.fixed ?? input.member ?? input.shop ?? "en";
}

export interface TranslatableMessage {
  authorType: "buyer" | "agent" | "bot" | "system";
  kind: string;
  body: string;
}

export type TranslationDirection = "incoming" | "outgoing";

/** Buyers' messages come in; agents' and the bot's go out; system notes are not translated. */
export function directionOf(message: TranslatableMessage): TranslationDirection | null {
  if (message.body.trim() === "") return null;
  if (message.authorType === "system") return null;
  return message.authorType === "buyer" ? "incoming" : "outgoing";
}

export interface TranslationPlan {
  direction: TranslationDirection;
  from: LanguageCode;
  to: LanguageCode;
}

export type NoTranslationReason = "off" | "not_text" | "language_unknown" | "same_language";

/**
 * Whether to translate this message, and how. `buyerLanguage` is the conversation's language
 * after this message (sticky detection, or the chosen one); `agentLanguage` the agent's
 * (agentLanguageOf). A text whose own detection is decisive and already in the target language
 * is left alone: a buyer who writes English to English-speaking agents, or an agent who answers
 * in the buyer's language, needs no translation.
 */
export function planTranslation(input: {
  translation: EffectiveTranslation;
  message: TranslatableMessage;
  detection: LanguageDetection;
  buyerLanguage: LanguageCode | null;
  agentLanguage: LanguageCode;
}): TranslationPlan | NoTranslationReason {
  if (!input.translation.on) return "off";
  const direction = directionOf(input.message);
  if (!direction) return "not_text";
  const from = direction === "incoming" ? input.buyerLanguage : input.agentLanguage;
  const to = direction === "incoming" ? input.agentLanguage : input.buyerLanguage;
  if (!from || !to) return "language_unknown";
  if (from === to) return "same_language";
  if (isDecisive(input.message.body, input.detection) && input.detection.language === to) return "same_language";
  return { direction, from, to };
}
