// AUTO-4: soft word matching with word vectors, the scorer's view for paraphrases. A buyer's
// "can I get the couch cleaned" shares no term with "How do I wash the sofa?", but its words are
// near the entry's in a general English vector space. Each word of the message is matched to its
// most similar word of a phrasing and each word of the phrasing to its most similar word of the
// message (a word-mover-style max-sim in both directions, as BERTScore does with contextual
// vectors); the two coverages, weighted by how much each word says, give a recall-weighted
// F-measure in [0, 1]. The same term (or the same concept of the synonym list) is 1; a merely
// similar word at most MAX_SOFT_SIMILARITY. Built once per library version with the index; a
// message's word similarities are computed once per message (SoftMatchCache).
import { generalInformation, softSimilarity, type WordVectors } from "@/core/faq/semantic";
import { isIntentTerm } from "@/core/faq/text";

/** One word of the library: its term (concept or stem) and its vector row (-1 without one). */
interface LibraryWord {
  term: string;
  row: number;
}

export interface SoftPhrasing {
  /** Library word numbers of the phrasing's distinct words. */
  words: Int32Array;
  weights: Float64Array;
  totalWeight: number;
}

export interface SoftMatchIndex {
  vectors: WordVectors;
  words: LibraryWord[];
  wordNumbers: Map<string, number>;
  /** Term -> library words with that term. */
  byTerm: Map<string, number[]>;
  /** Each library word's term as a number (terms numbered in first-seen order), and the numbering. */
  termIds: Int32Array;
  termNumbers: Map<string, number>;
  /** The library words that have a vector, and those vectors row after row (same order). */
  withVector: Int32Array;
  matrix: Float32Array;
  phrasings: SoftPhrasing[];
  /** Per entry: the answer's library words. */
  answers: Int32Array[];
}

/**
 * β² of the F-measure: how much more covering the message's words counts than covering the
 * phrasing's. A short phrasing ("What is the delivery time?") is wholly inside many messages
 * ("can I pay when it's delivered"); what the message asks and the phrasing leaves out must cost.
 */
const RECALL_EMPHASIS = 2;

/** A message word as the soft matcher needs it. */
export interface SoftQueryWord {
  word: string;
  term: string;
  /** How much it counts (general information × library rarity × typo confidence). */
  weight: number;
}

/** The general-information weight of a word, scaled by how rare its term is in this library (0, 1]. */
export function wordWeight(vectors: WordVectors, word: string, libraryRarity: number): number {
  const information = isIntentTerm(word) ? INTENT_INFORMATION : generalInformation(vectors, vectors.rowOf(word));
  return information * libraryRarity;
}

/** Question intents ("how do I", "can I") tell entries apart, but less than a content word. */
const INTENT_INFORMATION = 4;

export function buildSoftMatchIndex(
  vectors: WordVectors,
  phrasings: Array<{ words: Array<{ word: string; term: string }> }>,
  answers: Array<Array<{ word: string; term: string }>>,
  libraryRarity: (term: string) => number,
): SoftMatchIndex {
  const words: LibraryWord[] = [];
  const wordNumbers = new Map<string, number>();
  const byTerm = new Map<string, number[]>();
  const numberOf = (word: string, term: string): number => {
    let number = wordNumbers.get(word);
    if (number === undefined) {
      number = words.length;
      words.push({ term, row: isIntentTerm(word) ? -1 : vectors.rowOf(word) });
      wordNumbers.set(word, number);
      const list = byTerm.get(term);
      if (list) list.push(number);
      else byTerm.set(term, [number]);
    }
    return number;
  };
  const softPhrasings = phrasings.map(({ words: phrasingWords }) => {
    const seen = new Map<number, number>();
    for (const { word, term } of phrasingWords) seen.set(numberOf(word, term), wordWeight(vectors, word, libraryRarity(term)));
    const weights = Float64Array.from(seen.values());
    return { words: Int32Array.from(seen.keys()), weights, totalWeight: weights.reduce((sum, weight) => sum + weight, 0) };
  });
  const softAnswers = answers.map((answerWords) => Int32Array.from(new Set(answerWords.map(({ word, term }) => numberOf(word, term)))));
  const { dimensions, values } = vectors;
  const withVector = Int32Array.from(words.flatMap(({ row }, number) => (row >= 0 ? [number] : [])));
  const matrix = new Float32Array(withVector.length * dimensions);
  withVector.forEach((number, position) => {
    const row = words[number]!.row;
    matrix.set(values.subarray(row * dimensions, (row + 1) * dimensions), position * dimensions);
  });
  const termNumbers = new Map([...byTerm.keys()].map((term, number) => [term, number]));
  const termIds = Int32Array.from(words, ({ term }) => termNumbers.get(term)!);
  return { vectors, words, wordNumbers, byTerm, termIds, termNumbers, withVector, matrix, phrasings: softPhrasings, answers: softAnswers };
}

/**
 * Distinct words of one message whose vectors are compared with the library's (about 0.1 to
 * 0.5 ms each with 1,000 entries); a longer message's further words match by term only, which
 * bounds the cost of a pasted essay. Typical buyer messages have fewer than 20.
 */
export const MAX_VECTOR_WORDS_PER_MESSAGE = 32;

/** Per message: each word's similarities to the library words, computed once. */
export interface SoftMatchCache {
  rows: Map<string, Float32Array | null>;
  vectorWords: number;
}

export function newSoftMatchCache(): SoftMatchCache {
  return { rows: new Map(), vectorWords: 0 };
}

/**
 * Similarity of one message word to every library word, in [0, 1]; null for a word matched by
 * its term only (no vector, an intent, or past MAX_VECTOR_WORDS_PER_MESSAGE).
 */
function similaritiesOf(index: SoftMatchIndex, query: SoftQueryWord, cache: SoftMatchCache): Float32Array | null {
  const cached = cache.rows.get(query.word);
  if (cached !== undefined) return cached;
  const { matrix, withVector, words, vectors } = index;
  const { dimensions, values } = vectors;
  const row = isIntentTerm(query.word) ? -1 : vectors.rowOf(query.word);
  let similarities: Float32Array | null = null;
  if (row >= 0 && cache.vectorWords < MAX_VECTOR_WORDS_PER_MESSAGE) {
    cache.vectorWords++;
    similarities = new Float32Array(words.length);
    // The hot loop of a recommendation: a double-precision copy of the word's vector and four
    // running sums let V8 keep everything in registers (about twice as fast as the plain loop).
    const vector = Float64Array.from(values.subarray(row * dimensions, (row + 1) * dimensions));
    const unrolled = dimensions - (dimensions % 4);
    for (let position = 0; position < withVector.length; position++) {
      const base = position * dimensions;
      let sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
      for (let dimension = 0; dimension < unrolled; dimension += 4) {
        sum0 += vector[dimension]! * matrix[base + dimension]!;
        sum1 += vector[dimension + 1]! * matrix[base + dimension + 1]!;
        sum2 += vector[dimension + 2]! * matrix[base + dimension + 2]!;
        sum3 += vector[dimension + 3]! * matrix[base + dimension + 3]!;
      }
      for (let dimension = unrolled; dimension < dimensions; dimension++) sum0 += vector[dimension]! * matrix[base + dimension]!;
      similarities[withVector[position]!] = softSimilarity(sum0 + sum1 + sum2 + sum3);
    }
  }
  if (similarities) for (const number of index.byTerm.get(query.term) ?? []) similarities[number] = 1;
  cache.rows.set(query.word, similarities);
  return similarities;
}

export interface SoftScores {
  /** Per phrasing: the recall-weighted F-measure of the two coverages, in [0, 1]. */
  phrasings: Float64Array;
  /** Per entry: how much of the message the answer covers, in [0, 1]. */
  answers: Float64Array;
}

/**
 * Σ over the message's words of weight × its best similarity among the library words `numbers`,
 * over the message's total weight. A word without a similarity row counts 1 where a library word
 * has its term (`termIds`), else 0.
 */
function coverage(index: SoftMatchIndex, numbers: Int32Array, similarities: Array<Float32Array | null>, terms: Int32Array, weights: Float64Array, totalWeight: number): number {
  let covered = 0;
  for (let position = 0; position < similarities.length; position++) {
    const row = similarities[position];
    let best = 0;
    if (row) {
      for (let at = 0; at < numbers.length; at++) {
        const similarity = row[numbers[at]!]!;
        if (similarity > best) best = similarity;
      }
    } else {
      const term = terms[position]!;
      for (let at = 0; at < numbers.length && best === 0; at++) if (index.termIds[numbers[at]!] === term) best = 1;
    }
    covered += weights[position]! * best;
  }
  return covered / totalWeight;
}

/** Soft-match scores of a message's words against every phrasing and answer of the library. */
export function softMatch(index: SoftMatchIndex, query: SoftQueryWord[], cache: SoftMatchCache): SoftScores {
  const phrasingScores = new Float64Array(index.phrasings.length);
  const answerScores = new Float64Array(index.answers.length);
  const distinct = new Map<string, SoftQueryWord>();
  for (const word of query) {
    const before = distinct.get(word.word);
    if (!before || before.weight < word.weight) distinct.set(word.word, word);
  }
  const words = [...distinct.values()].filter((word) => word.weight > 0);
  if (words.length === 0) return { phrasings: phrasingScores, answers: answerScores };
  const queryWeights = Float64Array.from(words, (word) => word.weight);
  const queryWeight = queryWeights.reduce((sum, weight) => sum + weight, 0);
  const similarities = words.map((word) => similaritiesOf(index, word, cache));
  const terms = Int32Array.from(words, (word) => index.termNumbers.get(word.term) ?? -1);
  // Each library word's best similarity to any message word: the phrasing side's coverage, and
  // a quick way to skip phrasings and answers no message word is near.
  const bestOfWord = new Float32Array(index.words.length);
  similarities.forEach((row, position) => {
    if (row) {
      for (let number = 0; number < row.length; number++) if (row[number]! > bestOfWord[number]!) bestOfWord[number] = row[number]!;
    } else {
      for (const number of index.byTerm.get(words[position]!.term) ?? []) bestOfWord[number] = 1;
    }
  });
  index.phrasings.forEach((phrasing, phrasingNumber) => {
    if (phrasing.totalWeight === 0) return;
    let matched = 0;
    for (let position = 0; position < phrasing.words.length; position++) matched += phrasing.weights[position]! * bestOfWord[phrasing.words[position]!]!;
    if (matched === 0) return;
    const precision = matched / phrasing.totalWeight;
    const recall = coverage(index, phrasing.words, similarities, terms, queryWeights, queryWeight);
    phrasingScores[phrasingNumber] = ((1 + RECALL_EMPHASIS) * recall * precision) / (RECALL_EMPHASIS * precision + recall);
  });
  index.answers.forEach((answer, entryNumber) => {
    let any = false;
    for (let position = 0; position < answer.length && !any; position++) any = bestOfWord[answer[position]!]! > 0;
    if (any) answerScores[entryNumber] = coverage(index, answer, similarities, terms, queryWeights, queryWeight);
  });
  return { phrasings: phrasingScores, answers: answerScores };
}
