// AUTO-2: which saved replies the composer's `/query` shows, best first. Typo tolerant: a query
// word matches a word of the text when it is a prefix of it with at most k edits (optimal string
// alignment distance: insert, delete, substitute, swap two neighbours), k = 0 for words of up to
// 3 letters, 1 up to 6 and 2 beyond, so short queries stay precise while "retrun polcy" still finds
// "Return policy". Ranked in tiers so the order is predictable for the agent:
//   1. the shortcut equals the query, 2. the shortcut starts with it, 3. it is a shortcut with
//   typos, 4. every query word is in the title, 5. every query word is in the title or the body;
// within a tier fewer typos first, then the shortcut's alphabetical order.
// Written here rather than taken from fuse.js: fuse scores one fuzzy number per field with
// weights, which cannot promise that an exact shortcut always comes first, and it matches
// characters anywhere rather than word prefixes, which ranks "ship" inside "relationship".
// Pure: no framework imports.

export interface MatchableReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export interface RankedReply<T extends MatchableReply> {
  reply: T;
  /** Higher is better; only the order is meaningful. */
  score: number;
  tier: MatchTier;
}

export type MatchTier = "shortcut_exact" | "shortcut_prefix" | "shortcut_typo" | "title" | "body" | "all";

const TIER_BASE: Record<MatchTier, number> = {
  shortcut_exact: 5_000,
  shortcut_prefix: 4_000,
  shortcut_typo: 3_000,
  title: 2_000,
  body: 1_000,
  all: 0,
};

/** Lower case, accents removed (café = cafe), so buyers' and agents' spellings meet. */
export function normalizeForMatch(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

function words(value: string): string[] {
  return normalizeForMatch(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Edits a query word of this length may have: k of the header comment. */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * The fewest edits turning `query` into some prefix of `word` (optimal string alignment), or
 * Infinity when that is above `max`. One dynamic-programming table: row i is query[0..i), column
 * j is word[0..j); the answer is the smallest value in the last row.
 */
export function prefixDistance(query: string, word: string, max: number): number {
  const q = [...query];
  const w = [...word];
  if (q.length === 0) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: w.length + 1 }, (_, j) => j);
  for (let i = 1; i <= q.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= w.length; j++) {
      const cost = q[i - 1] === w[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && q[i - 1] === w[j - 2] && q[i - 2] === w[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    // Every later row is at least this row's minimum: stop once it is over the allowance.
    if (rowMin > max) return Infinity;
    previousPrevious = previous;
    previous = current;
  }
  const best = Math.min(...previous);
  return best <= max ? best : Infinity;
}

/** The fewest typos with which every query word matches some word of the text, or Infinity. */
function wordsDistance(queryWords: string[], textWords: string[]): number {
  let total = 0;
  for (const queryWord of queryWords) {
    const max = allowedTypos([...queryWord].length);
    let best = Infinity;
    for (const textWord of textWords) {
      if (textWord.startsWith(queryWord)) {
        best = 0;
        break;
      }
      best = Math.min(best, prefixDistance(queryWord, textWord, max));
    }
    if (best === Infinity) return Infinity;
    total += best;
  }
  return total;
}

function rank<T extends MatchableReply>(reply: T, query: string, queryWords: string[]): RankedReply<T> | null {
  const shortcut = normalizeForMatch(reply.shortcut);
  if (query === "") return { reply, score: TIER_BASE.all, tier: "all" };
  if (query === shortcut) return { reply, score: TIER_BASE.shortcut_exact, tier: "shortcut_exact" };
  // Shorter shortcuts first among prefixes: "/ship" before "/shipping-delay" for "shi".
  if (shortcut.startsWith(query)) return { reply, score: TIER_BASE.shortcut_prefix - Math.min(shortcut.length, 999) / 1_000, tier: "shortcut_prefix" };
  const shortcutTypos = prefixDistance(query, shortcut, allowedTypos([...query].length));
  if (shortcutTypos !== Infinity) return { reply, score: TIER_BASE.shortcut_typo - shortcutTypos, tier: "shortcut_typo" };
  // A query of only punctuation ("-") can match a shortcut, never a word.
  if (queryWords.length === 0) return null;
  const titleWords = words(reply.title);
  const titleTypos = wordsDistance(queryWords, titleWords);
  if (titleTypos !== Infinity) return { reply, score: TIER_BASE.title - titleTypos, tier: "title" };
  const bodyTypos = wordsDistance(queryWords, [...new Set([...titleWords, ...words(reply.body)])]);
  if (bodyTypos !== Infinity) return { reply, score: TIER_BASE.body - bodyTypos, tier: "body" };
  return null;
}

/** The replies matching `query`, best first, at most `limit`. An empty query lists them all by shortcut. */
export function matchSavedReplies<T extends MatchableReply>(replies: readonly T[], query: string, limit = Infinity): RankedReply<T>[] {
  const normalized = normalizeForMatch(query.trim()).replace(/^\/+/, "");
  const queryWords = words(normalized);
  const ranked: RankedReply<T>[] = [];
  for (const reply of replies) {
    const match = rank(reply, normalized, queryWords);
    if (match) ranked.push(match);
  }
  ranked.sort((a, b) => b.score - a.score || compareText(a.reply.shortcut, b.reply.shortcut) || compareText(a.reply.id, b.reply.id));
  return ranked.slice(0, limit);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where a `/query` is being typed: a `/` at the start of the text or after whitespace, up to the
 * caret, with no whitespace between. Null when the caret is not in one (a URL's slash is not).
 */
export function slashQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}
