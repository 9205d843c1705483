// AUTO-4, SET-6: whether the best FAQ answer for a buyer message is sent without an agent. Only
// when everything says it is safe: the shop has a threshold, the message does not need the buyer's
// own order data and does not ask for a person, it is written in the library's language, the
// best score reaches the threshold and clearly beats the second best, its lexical score alone
// (shared terms, concepts and trigrams, without word vectors) is at least MIN_LEXICAL_SCORE, and
// the message does not ask several different questions (one answer would leave the others
// unanswered). Word vectors find paraphrases to suggest; they never send an answer on their own.
import { autoSendBlock, type AutoSendBlock } from "@/core/faq/intent";
import type { FaqIndex, MessageScores, ScoredEntry } from "@/core/faq/score";

/** The threshold a shop uses until it sets its own (ShopSettings.autoSendThreshold null = this). */
export const DEFAULT_AUTO_SEND_THRESHOLD = 0.7;
/** The best score must beat the second best by this much. */
export const AUTO_SEND_MARGIN = 0.08;
/**
 * The best entry's lexical score must reach this too: a match made mostly of similar words (word
 * vectors) is shown to the agent, not sent. Every automatic answer on the development sets had
 * a lexical score of 0.52 or more; 0.45 leaves a margin.
 */
export const MIN_LEXICAL_SCORE = 0.45;
/** A message the language detector cannot place must use this share of words the library knows. */
const KNOWN_WORDS_FOR_UNKNOWN_LANGUAGE = 0.75;

export type AutoSendRefusal = AutoSendBlock | "off" | "language" | "below_threshold" | "lexical_evidence" | "ambiguous" | "several_questions" | "no_match";

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
  if (best.lexical < MIN_LEXICAL_SCORE) return { send: false, reason: "lexical_evidence" };
  if (second && best.score - second.score < AUTO_SEND_MARGIN) return { send: false, reason: "ambiguous" };
  const tops = new Set(scores.sentenceTops.filter((key): key is string => key !== null));
  if (tops.size > 1) return { send: false, reason: "several_questions" };
  return { send: true, entry: best };
}
