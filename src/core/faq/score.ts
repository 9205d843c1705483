// AUTO-4: scoring buyer messages against an FAQ library, pure and in memory. An index is built
// once per library version (the service caches it); a message is split into its sentences, each
// is scored against every phrasing (question and alternatives) of the library, and an entry's
// score is its best phrasing's over all sentences (and the whole message).
//
// A phrasing's score mixes two views, both in [0, 1]:
// - lexical: 0.75 × the cosine of the message's and the phrasing's concept terms (synonyms
//   joined, typos corrected against the library's words), weighted by rarity (idf) across the
//   library, + 0.25 × the character-trigram similarity (pg_trgm's measure) of the meaningful
//   words; the answer's terms add up to 15 % of what is left. Only phrasings sharing a term.
// - soft (when the index has word vectors, soft-match.ts): every word of the message matched to
//   its most similar word of the phrasing and back, so a paraphrase in other words still scores;
//   the answer's coverage of the message adds up to 30 % of what is left.
// With vectors the score is 0.4 × lexical + 0.6 × soft; the lexical score is kept beside it
// (ScoredEntry.lexical) because auto-send needs shared wording too (auto-send.ts).
import { detectLanguage, type DetectedLanguage } from "@/core/faq/intent";
import type { WordVectors } from "@/core/faq/semantic";
import { buildSoftMatchIndex, newSoftMatchCache, softMatch, wordWeight, type SoftMatchCache, type SoftMatchIndex, type SoftQueryWord } from "@/core/faq/soft-match";
import { conceptWords, editDistance, isConceptWord, isIntentTerm, isStopWord, stem, termOf, trigrams, trigramSimilarity, wordsOf } from "@/core/faq/text";

export interface FaqIndexEntry {
  /** The caller's key (the database id); returned with each recommendation. */
  key: string;
  externalId: string;
  question: string;
  alternatives: string[];
  answer: string;
}

interface IndexedPhrasing {
  entry: number;
  terms: Map<string, number>;
  norm: number;
  grams: Set<string>;
}

export interface FaqIndex {
  entries: FaqIndexEntry[];
  phrasings: IndexedPhrasing[];
  /** Term -> phrasing numbers holding it. */
  postings: Map<string, number[]>;
  answerTerms: Array<{ terms: Map<string, number>; norm: number }>;
  idf: Map<string, number>;
  /** Words the library and the synonym list know, by first letter (typo correction). */
  vocabulary: Map<string, string[]>;
  known: Set<string>;
  language: Exclude<DetectedLanguage, "unknown">;
  /** The soft-match view (word vectors); absent when the index was built without vectors. */
  soft: SoftMatchIndex | null;
}

export interface ScoredEntry {
  key: string;
  externalId: string;
  score: number;
  /** The lexical view's score alone (terms and trigrams, no word vectors), in [0, 1]. */
  lexical: number;
}

export interface MessageScores {
  /** Best first, at most `limit`, scores in [0, 1]. */
  ranked: ScoredEntry[];
  /** The best entry of each sentence that says something (sentences with no terms left out). */
  sentenceTops: Array<string | null>;
  language: DetectedLanguage;
  /** Share of the message's meaningful words the library or synonym list knows exactly. */
  knownWordShare: number;
}

const TERM_WEIGHT = 0.75;
const TRIGRAM_WEIGHT = 0.25;
const ANSWER_WEIGHT = 0.15;
/** With word vectors: the lexical score's share of the final score; the soft match has the rest. */
const LEXICAL_WEIGHT = 0.4;
/** How much of what the soft score leaves the answer's coverage of the message may add. */
const SOFT_ANSWER_WEIGHT = 0.3;

function meaningfulWords(text: string): string[] {
  return wordsOf(text).filter((word) => word.length >= 2 && !isStopWord(word));
}

/** Trigrams of the words the text really holds (intent words are made up, not typed). */
function gramsOf(words: string[]): Set<string> {
  return trigrams(words.filter((word) => !isIntentTerm(word)).join(" "));
}

function termWeights(terms: string[], idf: Map<string, number>, fallbackIdf: number): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term, idf.get(term) ?? fallbackIdf);
  return weights;
}

function normOf(weights: Map<string, number>): number {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

function uniqueTerms(words: string[]): string[] {
  return [...new Set(words.map(termOf))];
}

export interface FaqIndexOptions {
  /** General English word vectors for the soft-match view (src/core/faq/soft-match.ts). */
  vectors?: WordVectors;
}

export function buildFaqIndex(entries: FaqIndexEntry[], options: FaqIndexOptions = {}): FaqIndex {
  const phrasingWords: Array<{ entry: number; words: string[] }> = [];
  const documentFrequency = new Map<string, number>();
  const known = new Set<string>(conceptWords());
  entries.forEach((entry, entryNumber) => {
    const entryTerms = new Set<string>();
    for (const text of [entry.question, ...entry.alternatives]) {
      const words = meaningfulWords(text);
      for (const word of words) known.add(word);
      phrasingWords.push({ entry: entryNumber, words });
      for (const term of uniqueTerms(words)) entryTerms.add(term);
    }
    for (const term of entryTerms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  });
  const count = Math.max(1, entries.length);
  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) idf.set(term, Math.log(1 + count / frequency));
  const rareIdf = Math.log(1 + count);

  const postings = new Map<string, number[]>();
  const phrasings = phrasingWords.map(({ entry, words }, phrasingNumber) => {
    const terms = termWeights(uniqueTerms(words), idf, rareIdf);
    for (const term of terms.keys()) {
      const list = postings.get(term);
      if (list) list.push(phrasingNumber);
      else postings.set(term, [phrasingNumber]);
    }
    return { entry, terms, norm: normOf(terms), grams: gramsOf(words) };
  });
  const answerTerms = entries.map((entry) => {
    const terms = termWeights(uniqueTerms(meaningfulWords(entry.answer)), idf, rareIdf);
    return { terms, norm: normOf(terms) };
  });
  const vocabulary = new Map<string, string[]>();
  for (const word of known) {
    if (word.length < 4 || /\d/.test(word)) continue;
    const list = vocabulary.get(word[0]!);
    if (list) list.push(word);
    else vocabulary.set(word[0]!, [word]);
  }
  const rarity = (term: string) => (idf.get(term) ?? rareIdf) / rareIdf;
  const soft = options.vectors
    ? buildSoftMatchIndex(
      options.vectors,
      phrasingWords.map(({ words }) => ({ words: words.map((word) => ({ word, term: termOf(word) })) })),
      entries.map((entry) => meaningfulWords(entry.answer).map((word) => ({ word, term: termOf(word) }))),
      rarity,
    )
    : null;
  return { entries, phrasings, postings, answerTerms, idf, vocabulary, known, language: libraryLanguage(entries), soft };
}

/** The language most of the library's questions are written in (English when unclear). */
function libraryLanguage(entries: FaqIndexEntry[]): Exclude<DetectedLanguage, "unknown"> {
  const counts = new Map<string, number>();
  for (const entry of entries.slice(0, 200)) {
    const language = detectLanguage(`${entry.question} ${entry.answer}`);
    if (language !== "unknown") counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: Exclude<DetectedLanguage, "unknown"> = "en";
  let bestCount = 0;
  for (const [language, count] of counts) if (count > bestCount) [best, bestCount] = [language as Exclude<DetectedLanguage, "unknown">, count];
  return best;
}

/** A word of the message after typo correction, with how sure the correction is (1 = as typed). */
interface QueryWord {
  word: string;
  confidence: number;
}

/**
 * A corrected word counts for less than a typed one: "shoes" is one letter from "shops", and a
 * wrong correction should cost a little, not decide the match.
 */
const CORRECTION_CONFIDENCE = 0.6;

/** A word the library does not know, replaced by the closest one it does (typos), if close. */
function corrected(index: FaqIndex, word: string): QueryWord {
  if (index.known.has(word) || index.known.has(stem(word)) || isConceptWord(word) || word.length < 4 || /\d/.test(word)) return { word, confidence: 1 };
  const maxDistance = word.length >= 7 ? 2 : 1;
  let best = word;
  let bestDistance = maxDistance + 1;
  // Typos rarely hit the first letter; looking only there keeps this fast for 1,000 entries.
  for (const candidate of index.vocabulary.get(word[0]!) ?? []) {
    const distance = editDistance(word, candidate, Math.min(maxDistance, bestDistance - 1));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    if (bestDistance === 1 && maxDistance === 1) break;
  }
  return best === word ? { word, confidence: 1 } : { word: best, confidence: CORRECTION_CONFIDENCE };
}

/**
 * Where a message's sentences and questions end: . ? ! ; and line breaks (not the dot of an
 * abbreviation such as "p.o. box"), "also", and "and"/"or" when a new question starts after it
 * ("how much is shipping and do you ship to the UK").
 */
const SENTENCE_BREAK =
  /[?!;¿¡\n]+|(?<!(?:^|[\s.])\p{L})\.(?=\s|$)|\b(?:also|and also|además|tambien|también|juga)\b|\b(?:and|or|y|dan|atau)\s+(?=(?:how|what|when|where|which|who|why|do|does|did|can|could|is|are|will|would|may|should|cuanto|cuánto|como|cómo|donde|dónde|cuando|cuándo|puedo|apakah|berapa|bagaimana|kapan|bisakah)\b)/iu;

/** The message's sentences and questions (see SENTENCE_BREAK). */
export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_BREAK)
    .map((part) => part?.trim() ?? "")
    .filter((part) => part.length > 0);
}

/** The message's words as the soft matcher weighs them. */
function softQuery(index: FaqIndex, soft: SoftMatchIndex, queryWords: QueryWord[], rareIdf: number): SoftQueryWord[] {
  return queryWords.map(({ word, confidence }) => {
    const term = termOf(word);
    return { word, term, weight: wordWeight(soft.vectors, word, (index.idf.get(term) ?? rareIdf) / rareIdf) * confidence };
  });
}

function cosineOf(terms: Map<string, number>, queryNorm: number, other: Map<string, number>, otherNorm: number): number {
  if (queryNorm === 0 || otherNorm === 0) return 0;
  let dot = 0;
  for (const [term, weight] of terms) {
    const otherWeight = other.get(term);
    if (otherWeight !== undefined) dot += weight * otherWeight;
  }
  return dot / (queryNorm * otherNorm);
}

function scoreWords(index: FaqIndex, queryWords: QueryWord[], into: Float64Array, lexicalInto: Float64Array, cache: SoftMatchCache): number | null {
  if (queryWords.length === 0) return null;
  const rareIdf = Math.log(1 + Math.max(1, index.entries.length));
  const terms = new Map<string, number>();
  for (const { word, confidence } of queryWords) {
    const term = termOf(word);
    terms.set(term, Math.max(terms.get(term) ?? 0, (index.idf.get(term) ?? rareIdf) * confidence));
  }
  const queryNorm = normOf(terms);
  const grams = gramsOf(queryWords.map(({ word }) => word));
  // Lexical view: only phrasings sharing a term can score.
  const lexical = new Map<number, number>();
  const answerCosines = new Map<number, number>();
  for (const term of terms.keys()) {
    for (const phrasingNumber of index.postings.get(term) ?? []) {
      if (lexical.has(phrasingNumber)) continue;
      const phrasing = index.phrasings[phrasingNumber]!;
      const cosine = cosineOf(terms, queryNorm, phrasing.terms, phrasing.norm);
      lexical.set(phrasingNumber, TERM_WEIGHT * cosine + TRIGRAM_WEIGHT * trigramSimilarity(grams, phrasing.grams));
      if (!answerCosines.has(phrasing.entry)) {
        const answer = index.answerTerms[phrasing.entry]!;
        answerCosines.set(phrasing.entry, cosineOf(terms, queryNorm, answer.terms, answer.norm));
      }
    }
  }
  const soft = index.soft ? softMatch(index.soft, softQuery(index, index.soft, queryWords, rareIdf), cache) : null;
  let bestEntry: number | null = null;
  let bestScore = 0;
  const consider = (phrasingNumber: number) => {
    const entry = index.phrasings[phrasingNumber]!.entry;
    const lexicalScore = lexical.get(phrasingNumber) ?? 0;
    const lexicalWithAnswer = lexicalScore + ANSWER_WEIGHT * (answerCosines.get(entry) ?? 0) * (1 - lexicalScore);
    let score = lexicalWithAnswer;
    if (soft) {
      const softScore = soft.phrasings[phrasingNumber]!;
      const softWithAnswer = softScore + SOFT_ANSWER_WEIGHT * soft.answers[entry]! * (1 - softScore);
      score = LEXICAL_WEIGHT * lexicalWithAnswer + (1 - LEXICAL_WEIGHT) * softWithAnswer;
    }
    score = Math.min(1, Math.max(0, score));
    if (score > into[entry]!) into[entry] = score;
    if (lexicalWithAnswer > lexicalInto[entry]!) lexicalInto[entry] = Math.min(1, lexicalWithAnswer);
    if (score > bestScore) [bestScore, bestEntry] = [score, entry];
  };
  if (soft) for (let phrasingNumber = 0; phrasingNumber < index.phrasings.length; phrasingNumber++) consider(phrasingNumber);
  else for (const phrasingNumber of lexical.keys()) consider(phrasingNumber);
  return bestEntry;
}

/** Scores one message against the library; the best `limit` entries with their scores. */
export function scoreMessage(index: FaqIndex, text: string, limit = 3): MessageScores {
  const scores = new Float64Array(index.entries.length);
  const lexicalScores = new Float64Array(index.entries.length);
  const sentenceTops: Array<string | null> = [];
  let knownWords = 0;
  let allWords = 0;
  const wholeWords: QueryWord[] = [];
  /** Each message word's similarities to the library's words, computed once per message. */
  const cache = newSoftMatchCache();
  for (const sentence of splitSentences(text)) {
    const raw = meaningfulWords(sentence);
    allWords += raw.length;
    knownWords += raw.filter((word) => index.known.has(word) || index.known.has(stem(word))).length;
    const words = raw.map((word) => corrected(index, word));
    wholeWords.push(...words);
    if (words.length === 0) continue;
    const top = scoreWords(index, words, scores, lexicalScores, cache);
    sentenceTops.push(top === null ? null : index.entries[top]!.key);
  }
  // The whole message too: a question split in two halves still matches as one.
  if (sentenceTops.length > 1) scoreWords(index, wholeWords, scores, lexicalScores, cache);
  const ranked: ScoredEntry[] = [];
  scores.forEach((score, entryNumber) => {
    if (score > 0) ranked.push({ key: index.entries[entryNumber]!.key, externalId: index.entries[entryNumber]!.externalId, score: round3(score), lexical: round3(lexicalScores[entryNumber]!) });
  });
  ranked.sort((a, b) => b.score - a.score || a.externalId.localeCompare(b.externalId));
  return {
    ranked: ranked.slice(0, limit),
    sentenceTops,
    language: detectLanguage(text),
    knownWordShare: allWords === 0 ? 0 : knownWords / allWords,
  };
}

/** Scores below this are noise and never shown. */
export const MIN_SHOWN_SCORE = 0.2;
/**
 * Nor is an entry scoring less than this share of the best one: word vectors give every entry
 * some similarity, and beside a near-certain match (0.9) a 0.25 is noise, while beside a weak
 * best (0.4) a 0.25 is still worth a look.
 */
export const SHOWN_SHARE_OF_BEST = 0.4;

/** The ranked entries worth showing an agent (best first, as ranked). */
export function entriesWorthShowing(ranked: ScoredEntry[]): ScoredEntry[] {
  const floor = Math.max(MIN_SHOWN_SCORE, SHOWN_SHARE_OF_BEST * (ranked[0]?.score ?? 0));
  return ranked.filter((scored) => scored.score >= floor);
}

function round3(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}


