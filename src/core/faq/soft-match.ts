// AUTO-4: soft word matching with word vectors, the scorer's view for paraphrases. A buyer's
// "is my blender still covered if it died" shares no term with "How long is the warranty?", but
// its words are near the entry's in a general English vector space. Each word of the message is
// matched to its most similar word of a phrasing and each word of the phrasing to its most
// similar word of the message (a word-mover-style max-sim in both directions, as BERTScore does
// with contextual vectors); the two coverages, weighted by how much each word says, give an
// F1-like score in [0, 1]. The same term (or the same concept of the synonym list) is 1; a merely
// similar word at most MAX_SOFT_SIMILARITY. Built once per library version with the index.
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
  /** Library words' vectors, row after row (zeros for words without one). */
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
  const matrix = new Float32Array(words.length * dimensions);
  words.forEach(({ row }, number) => {
    if (row >= 0) matrix.set(values.subarray(row * dimensions, (row + 1) * dimensions), number * dimensions);
  });
  return { vectors, words, wordNumbers, byTerm, matrix, phrasings: softPhrasings, answers: softAnswers };
}

/** Similarity of one message word to every library word, in [0, 1]. */
function similaritiesOf(index: SoftMatchIndex, query: SoftQueryWord): Float32Array {
  const { matrix, words, vectors } = index;
  const { dimensions, values } = vectors;
  const similarities = new Float32Array(words.length);
  const row = isIntentTerm(query.word) ? -1 : vectors.rowOf(query.word);
  if (row >= 0) {
    const offset = row * dimensions;
    for (let number = 0; number < words.length; number++) {
      if (words[number]!.row < 0) continue;
      const base = number * dimensions;
      let dot = 0;
      for (let dimension = 0; dimension < dimensions; dimension++) dot += values[offset + dimension]! * matrix[base + dimension]!;
      similarities[number] = softSimilarity(dot);
    }
  }
  for (const number of index.byTerm.get(query.term) ?? []) similarities[number] = 1;
  return similarities;
}

export interface SoftScores {
  /** Per phrasing: F1 of the two coverages, in [0, 1]. */
  phrasings: Float64Array;
  /** Per entry: how much of the message the answer covers, in [0, 1]. */
  answers: Float64Array;
}

/** Soft-match scores of a message's words against every phrasing and answer of the library. */
export function softMatch(index: SoftMatchIndex, query: SoftQueryWord[], cache: Map<string, Float32Array>): SoftScores {
  const phrasingScores = new Float64Array(index.phrasings.length);
  const answerScores = new Float64Array(index.answers.length);
  const distinct = new Map<string, SoftQueryWord>();
  for (const word of query) {
    const before = distinct.get(word.word);
    if (!before || before.weight < word.weight) distinct.set(word.word, word);
  }
  const words = [...distinct.values()];
  let queryWeight = 0;
  for (const word of words) queryWeight += word.weight;
  if (words.length === 0 || queryWeight === 0) return { phrasings: phrasingScores, answers: answerScores };
  const similarities = words.map((word) => {
    let row = cache.get(word.word);
    if (!row) {
      row = similaritiesOf(index, word);
      cache.set(word.word, row);
    }
    return row;
  });
  index.phrasings.forEach((phrasing, phrasingNumber) => {
    if (phrasing.totalWeight === 0) return;
    let covered = 0;
    for (let position = 0; position < words.length; position++) {
      const row = similarities[position]!;
      let best = 0;
      for (const number of phrasing.words) if (row[number]! > best) best = row[number]!;
      covered += words[position]!.weight * best;
    }
    let matched = 0;
    for (let position = 0; position < phrasing.words.length; position++) {
      const number = phrasing.words[position]!;
      let best = 0;
      for (const row of similarities) if (row[number]! > best) best = row[number]!;
      matched += phrasing.weights[position]! * best;
    }
    const recall = covered / queryWeight;
    const precision = matched / phrasing.totalWeight;
    phrasingScores[phrasingNumber] = recall + precision > 0 ? ((1 + RECALL_EMPHASIS) * recall * precision) / (RECALL_EMPHASIS * precision + recall) : 0;
  });
  index.answers.forEach((answer, entryNumber) => {
    let covered = 0;
    for (let position = 0; position < words.length; position++) {
      const row = similarities[position]!;
      let best = 0;
      for (const number of answer) if (row[number]! > best) best = row[number]!;
      covered += words[position]!.weight * best;
    }
    answerScores[entryNumber] = covered / queryWeight;
  });
  return { phrasings: phrasingScores, answers: answerScores };
}
