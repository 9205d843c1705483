// SET-3, issue 13 item 2: the language a conversation is held in. Detection on one message is
// only a hint: "ok", "hi" or an order number say nothing, so a conversation's language changes
// only on a reliable detection of a message long enough to mean something, and never while a
// member has chosen the language for the chat by hand.

/** Messages with fewer letters than this never decide a conversation's language. */
export const MIN_LETTERS_TO_DECIDE = 12;

export interface LanguageDetection {
  /** ISO 639-1, or null when the detector found nothing. */
  language: string | null;
  reliable: boolean;
}

export interface ConversationLanguage {
  /** The language the conversation is held in, or null while it is not known yet. */
  language: string | null;
  /** "override": chosen by a member for this chat; detection no longer changes it. */
  source: "detected" | "override" | null;
}

export const UNKNOWN_LANGUAGE: ConversationLanguage = { language: null, source: null };

export function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Whether one message's detection is strong enough to decide the conversation's language. */
export function isDecisive(text: string, detection: LanguageDetection): detection is LanguageDetection & { language: string } {
  return detection.language !== null && detection.reliable && countLetters(text) >= MIN_LETTERS_TO_DECIDE;
}

/** The conversation's language after a buyer message with this text and detection. */
export function nextConversationLanguage(current: ConversationLanguage, text: string, detection: LanguageDetection): ConversationLanguage {
  if (current.source === "override") return current;
  if (!isDecisive(text, detection)) return current;
  return { language: detection.language, source: "detected" };
}

/** A member chooses the chat's language (null: back to detection, keeping what was detected). */
export function overrideConversationLanguage(current: ConversationLanguage, language: string | null): ConversationLanguage {
  if (language === null) return current.source === "override" ? { language: current.language, source: current.language ? "detected" : null } : current;
  return { language, source: "override" };
}
