// AUTO-4: word vectors as the FAQ scorer sees them: a table of unit-length vectors for general
// English words, most frequent first. Pure: the server reads the table from its npm package
// (src/server/services/faq/word-vectors.ts); tests build small ones by hand.

export interface WordVectors {
  dimensions: number;
  /** Number of words. */
  size: number;
  /** Row of a word in `values` (rows are in frequency order: row 0 is the most frequent word), or -1. */
  rowOf(word: string): number;
  /** `size` × `dimensions` values, row after row, each row of length 1 (or all 0). */
  values: Float32Array;
}

/**
 * A table from words and their raw vectors (row after row). Each row is scaled to length 1 in
 * place (the table is large: no copy); a word given twice keeps its first row.
 */
export function createWordVectors(words: string[], raw: Float32Array, dimensions: number): WordVectors {
  if (raw.length < words.length * dimensions) throw new Error("createWordVectors: fewer values than words × dimensions");
  const values = raw.subarray(0, words.length * dimensions);
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    if (rows.has(word)) return;
    rows.set(word, row);
    const offset = row * dimensions;
    let sum = 0;
    for (let dimension = 0; dimension < dimensions; dimension++) sum += raw[offset + dimension]! * raw[offset + dimension]!;
    const length = Math.sqrt(sum);
    for (let dimension = 0; dimension < dimensions; dimension++) values[offset + dimension] = length === 0 ? 0 : raw[offset + dimension]! / length;
  });
  return { dimensions, size: words.length, rowOf: (word) => rows.get(word) ?? -1, values };
}

/** Cosine of two rows (both unit length), in [-1, 1]. */
export function rowCosine(vectors: WordVectors, a: number, b: number): number {
  const { values, dimensions } = vectors;
  const offsetA = a * dimensions;
  const offsetB = b * dimensions;
  let dot = 0;
  for (let dimension = 0; dimension < dimensions; dimension++) dot += values[offsetA + dimension]! * values[offsetB + dimension]!;
  return dot;
}

/**
 * Word similarity below this cosine counts as none. GloVe puts unrelated everyday words at 0.1 to
 * 0.35 ("delivery"/"vacation" 0.22) and close ones at 0.45 to 0.75 ("sofa"/"couch" 0.68,
 * "price"/"cost" 0.73); what is between is rescaled to [0, MAX_SOFT_SIMILARITY].
 */
export const SIMILARITY_FLOOR = 0.35;
/** A similar word never counts as much as the same word (or the same concept). */
export const MAX_SOFT_SIMILARITY = 0.85;

/** How similar two words are for matching, in [0, 1]: 1 for the same term, else their rescaled cosine. */
export function softSimilarity(cosine: number): number {
  if (!(cosine > SIMILARITY_FLOOR)) return 0;
  return Math.min(MAX_SOFT_SIMILARITY, (MAX_SOFT_SIMILARITY * (cosine - SIMILARITY_FLOOR)) / (1 - SIMILARITY_FLOOR));
}

/**
 * How much a word says in general English, from its frequency rank (Zipf: -log p ≈ log rank):
 * about 1 for the most frequent words, 11.5 at rank 100,000; words the table does not hold
 * (rare words, names, typos) count as the rarest.
 */
export function generalInformation(vectors: WordVectors | undefined, row: number): number {
  const rank = row < 0 ? (vectors?.size ?? 100_000) * 2 : row;
  return Math.log(rank + 3);
}
