// Names people choose (nicknames) are shown to buyers and matched against the shop's review
// list (TEAM-4, issue 15 item 6). Unicode offers many ways to write a word that looks the same
// and compares differently: fullwidth forms, invisible characters, soft hyphens, combining
// accents and letters of other scripts that look Latin. Two forms are derived here:
//   - normalizeName: the form that is stored and shown (NFKC, invisibles removed, spaces folded);
//   - nameSkeleton: the form that is compared (lower case, accents and separators dropped,
//     look-alike letters folded to Latin). It is never shown.
// Bidi controls are refused rather than removed: they reorder what the buyer reads.

/** Characters that change the direction of the text around them (UAX 9). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Characters that render as nothing (or as a blank) and so hide inside a word: zero-width
 * spaces and joiners, word joiner, invisible operators, BOM, soft hyphen, combining grapheme
 * joiner, Hangul fillers, Mongolian free variation selectors and vowel separator, variation
 * selectors and tag characters. Bidi controls are included so that a skeleton never keeps one.
 */
const INVISIBLES =
  // eslint-disable-next-line no-misleading-character-class -- each code point is removed on its own, none combines
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e0fff}]/gu;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * Letters of other scripts (and Latin variants) that are read as a Latin letter, after the
 * text is lower-cased. Upper-case look-alikes are listed by the lower-case letter they become
 * (Cyrillic "Н" lower-cases to "н", which is folded to "h" because "Н" reads as "H").
 * Drawn from Unicode's confusables (UTS 39) for the scripts a seller's staff are likely to type.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  "а": "a", "б": "b", "в": "b", "г": "r", "д": "d", "е": "e", "ё": "e", "з": "3", "и": "u", "й": "u",
  "к": "k", "л": "n", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y",
  "ф": "o", "х": "x", "ц": "u", "ч": "y", "ш": "w", "щ": "w", "ь": "b", "ы": "bl", "ъ": "b", "э": "e",
  "ю": "io", "я": "r", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
  "ӏ": "l", "ү": "y", "ұ": "y", "ғ": "f", "қ": "k", "ң": "h", "ҳ": "x", "ә": "e", "ө": "o", "ѵ": "v",
  // Greek
  "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "λ": "l",
  "μ": "u", "ν": "v", "ο": "o", "π": "n", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "φ": "o",
  "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
  // Armenian
  "ա": "w", "հ": "h", "ո": "n", "ս": "u", "ց": "g", "օ": "o", "զ": "q",
  // Latin variants NFKC keeps apart
  "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʏ": "y", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d",
  "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o",
  "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ꜰ": "f", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "ø": "o", "đ": "d",
  "ħ": "h", "ł": "l", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "p",
};

export type ForbiddenNameCharacter = "bidi_control" | "control";

/** Why a name is refused outright, if it is: text-direction or other control characters. */
export function findForbiddenNameCharacter(text: string): ForbiddenNameCharacter | null {
  if (BIDI_CONTROLS.test(text)) return "bidi_control";
  if (CONTROL_CHARACTERS.test(text)) return "control";
  return null;
}

/**
 * The form a name is stored and shown in: NFKC (fullwidth and compatibility forms become
 * their plain letters, "＠" becomes "@"), invisible characters removed, any run of white
 * space one plain space, no space at either end. Idempotent.
 */
export function normalizeName(text: string): string {
  let current = text;
  // NFKC and removal can each expose work for the other (an invisible between a letter and a
  // combining mark); repeat until nothing changes so the result is a fixed point.
  for (let round = 0; round < 4; round += 1) {
    const next = current.normalize("NFKC").replace(INVISIBLES, "").replace(/\s+/gu, " ").trim();
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The form names and review words are compared in: the normalised name, lower case, accents
 * dropped, look-alike letters folded to Latin, and only letters and digits kept, so that
 * "Оff-icial", "off\u00adicial", "Ｏｆｆｉｃｉａｌ" and "ÓFFICIAL" all read "official".
 */
export function nameSkeleton(text: string): string {
  const lowered = normalizeName(text).toLowerCase();
  let folded = "";
  for (const character of lowered.normalize("NFD")) {
    if (/\p{M}/u.test(character)) continue;
    folded += LOOK_ALIKES[character] ?? character;
  }
  return folded.normalize("NFC").replace(/[^\p{L}\p{N}]/gu, "");
}

/** Whether `name` contains any of `words`, compared by skeleton. Empty words never match. */
export function containsAnyWord(name: string, words: readonly string[]): boolean {
  const haystack = nameSkeleton(name);
  return words.some((word) => {
    const needle = nameSkeleton(word);
    return needle.length > 0 && haystack.includes(needle);
  });
}
