// SET-3: the languages translation speaks about. The product names languages by ISO 639-1 codes
// ("en", "es"), as next-auth profiles, the widget and language detection do; Apertium names them
// by ISO 639-3 ("eng", "spa"). This table is the one place the two meet.
const ISO_639_3_BY_1: Readonly<Record<string, string>> = {
  ca: "cat",
  en: "eng",
  eo: "epo",
  es: "spa",
  eu: "eus",
  fr: "fra",
  gl: "glg",
  id: "ind",
  is: "isl",
  it: "ita",
  mk: "mkd",
  ms: "zlm",
  pt: "por",
};

const ISO_639_1_BY_3: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ISO_639_3_BY_1).map(([two, three]) => [three, two]));

/** A lower-case ISO 639-1 code such as "en". */
export type LanguageCode = string;

export interface LanguagePair {
  from: LanguageCode;
  to: LanguageCode;
}

const ISO_639_1 = /^[a-z]{2}$/;

export function isLanguageCode(value: string): value is LanguageCode {
  return ISO_639_1.test(value);
}

/** "es" → "spa"; null for a language Apertium's naming is not known for here. */
export function toApertiumCode(code: LanguageCode): string | null {
  return ISO_639_3_BY_1[code] ?? null;
}

/**
 * "spa" → "es". Apertium also names variants ("eng_US", "spa_ES"), which read as the language;
 * two-letter codes some pairs use ("en", "es" in "en-gl") pass through.
 */
export function fromApertiumCode(code: string): LanguageCode | null {
  const base = code.split(/[_-]/)[0]!.toLowerCase();
  if (ISO_639_1.test(base)) return base;
  return ISO_639_1_BY_3[base] ?? null;
}

/** Distinct pairs, variants folded into their language, same-language pairs dropped, in a stable order. */
export function normalisePairs(pairs: readonly LanguagePair[]): LanguagePair[] {
  const seen = new Map<string, LanguagePair>();
  for (const pair of pairs) {
    if (pair.from === pair.to) continue;
    seen.set(`${pair.from}>${pair.to}`, pair);
  }
  return [...seen.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
