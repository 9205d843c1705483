// AUTO-4, SET-6: whether the best FAQ answer for a buyer message is sent without an agent. Only
// when everything says it is safe: the shop has a threshold, the message does not need the buyer's
// own order data and does not ask for a person, it is written in the library's language, the
// best score reaches the threshold and clearly beats the second best, and the message does not
// ask several different questions (one answer would leave the others unanswered).
import { autoSendBlock, type AutoSendBlock } from "@/core/faq/intent";
import type { FaqIndex, MessageScores, ScoredEntry } from "@/core/faq/score";

/** The threshold a shop uses until it sets its own (ShopSettings.autoSendThreshold null = this). */
export const DEFAULT_AUTO_SEND_THRESHOLD = 0.7;
/** The best score must beat the second best by this much. */
export const AUTO_SEND_MARGIN = 0.08;
/** A message the language detector cannot place must use this share of words the library knows. */
const KNOWN_WORDS_FOR_UNKNOWN_LANGUAGE = 0.75;

export type AutoSendRefusal = AutoSendBlock | "off" | "language" | "below_threshold" | "ambiguous" | "several_questions" | "no_match";

export type AutoSendDecision = { send: true; entry: ScoredEntry } | { send: false; reason: AutoSendRefusal };

export interface AutoSendSettings {
  enabled: boolean;
  threshold: number;
}

export function decideAutoSend(index: Pick<FaqIndex, "language">, text: string, scores: MessageScores, settings: AutoSendSettings): AutoSendDecision {
  if (!settings.enabled) return { send: false, reason: "off" };
  const block = autoSendBlock(text);
  if (block) return { send: false, reason: block };
  const [best, second] = scores.ranked;
  if (!best) return { send: false, reason: "no_match" };
  const languageMatches =
    scores.language === index.language || (scores.language === "unknown" && scores.knownWordShare >= KNOWN_WORDS_FOR_UNKNOWN_LANGUAGE);
  if (!languageMatches) return { send: false, reason: "language" };
  if (best.score < settings.threshold) return { send: false, reason: "below_threshold" };
  if (second && best.score - second.score < AUTO_SEND_MARGIN) return { send: false, reason: "ambiguous" };
  const tops = new Set(scores.sentenceTops.filter((key): key is string => key !== null));
  if (tops.size > 1) return { send: false, reason: "several_questions" };
  return { send: true, entry: best };
}
