// Both languages in one search (issue 13 item 5). Frimousse searches the labels and tags of one
// Emojibase locale at a time; a Spanish-speaking member may still type "thumbs", and an English
// one "pulgar". So each emoji of the shown locale also carries the other locale's label and tags
// as extra tags: the shown locale's label still ranks first (frimousse scores a label match 10,
// a tag match 1), and the other language only adds matches.
import type { EmojiData } from "frimousse";

export const EMOJI_LOCALES = ["en", "es"] as const;
export type EmojiLocale = (typeof EMOJI_LOCALES)[number];

/** The locale whose words are added to `locale`'s search. */
export function otherEmojiLocale(locale: EmojiLocale): EmojiLocale {
  return locale === "en" ? "es" : "en";
}

/** Emojibase writes some emoji with a variation selector (👍️) and some without. */
function withoutVariationSelectors(emoji: string): string {
  return emoji.replace(/[\uFE0E\uFE0F]/gu, "");
}

/** `shown` with each emoji's tags extended by the label and tags of the same emoji in `other`. */
export function withSearchTermsFrom(shown: EmojiData, other: EmojiData): EmojiData {
  const otherByEmoji = new Map(other.emojis.map((item) => [withoutVariationSelectors(item.emoji), item]));
  return {
    ...shown,
    emojis: shown.emojis.map((item) => {
      const translated = otherByEmoji.get(withoutVariationSelectors(item.emoji));
      if (!translated) return item;
      const tags = [...new Set([...item.tags, translated.label.toLowerCase(), ...translated.tags])];
      return { ...item, tags };
    }),
  };
}
