// AUTO-4: the word-vector view of FAQ scoring: the vector table, word similarity, the soft match
// and the rule that a match found through word vectors alone is never sent automatically.
// Small hand-made vectors stand in for the GloVe table (word-vectors.test.ts reads the real one).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFaqIndex, decideAutoSend, MIN_LEXICAL_SCORE, scoreMessage, type FaqIndexEntry } from "@/core/faq";
import { MAX_VECTOR_WORDS_PER_MESSAGE, newSoftMatchCache, softMatch } from "@/core/faq/soft-match";
import { termOf } from "@/core/faq/text";
import { createWordVectors, generalInformation, MAX_SOFT_SIMILARITY, rowCosine, SIMILARITY_FLOOR, softSimilarity } from "@/core/faq/semantic";

/** Words on a few axes: near words share an axis (cosine ≈ 0.99), others are orthogonal. */
const AXES: Record<string, number[]> = {
  sofa: [1, 0.1, 0, 0, 0, 0], couch: [1, 0, 0.1, 0, 0, 0],
  wash: [0, 1, 0, 0, 0.1, 0], launder: [0, 1, 0, 0, 0, 0.1], clean: [0, 1, 0.05, 0, 0, 0],
  ship: [0, 0, 1, 0, 0, 0], abroad: [0, 0, 0, 1, 0, 0], overseas: [0, 0, 0.05, 1, 0, 0],
  gift: [0, 0, 0, 0, 1, 0], voucher: [0, 0, 0, 0, 0, 1], cover: [0.7, 0.7, 0, 0, 0, 0],
};
const words = Object.keys(AXES);
const vectors = createWordVectors(words, Float32Array.from(words.flatMap((word) => AXES[word]!)), 6);

const ENTRIES: FaqIndexEntry[] = [
  { key: "sofa-care", externalId: "sofa-care", question: "Can I wash the sofa cover?", alternatives: [], answer: "Yes, at 30 degrees." },
  { key: "abroad", externalId: "abroad", question: "Do you ship abroad?", alternatives: ["Do you deliver to other countries"], answer: "To all of Europe." },
  { key: "vouchers", externalId: "vouchers", question: "Do you sell gift vouchers?", alternatives: [], answer: "From 10 euros." },
];
const withVectors = buildFaqIndex(ENTRIES, { vectors });
const lexicalOnly = buildFaqIndex(ENTRIES);

describe("word vectors (AUTO-4)", () => {
  it("AUTO-4: rows are scaled to length 1, a word given twice keeps its first row, unknown words have no row", () => {
    const table = createWordVectors(["a", "b", "a"], Float32Array.from([3, 4, 0, 2, 1, 1]), 2);
    expect(table.rowOf("a")).toBe(0);
    expect(table.rowOf("b")).toBe(1);
    expect(table.rowOf("zzz")).toBe(-1);
    expect(rowCosine(table, 0, 0)).toBeCloseTo(1, 5);
    expect(Array.from(table.values.subarray(0, 2))).toEqual([expect.closeTo(0.6, 5), expect.closeTo(0.8, 5)]);
    expect(rowCosine(table, 1, 1)).toBeCloseTo(1, 5);
  });

  it("AUTO-4: word similarity is 0 up to the floor, grows with the cosine and stays below the same word's 1 (property)", () => {
    expect(softSimilarity(SIMILARITY_FLOOR)).toBe(0);
    expect(softSimilarity(-1)).toBe(0);
    expect(softSimilarity(Number.NaN)).toBe(0);
    expect(softSimilarity(1)).toBe(MAX_SOFT_SIMILARITY);
    fc.assert(fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(softSimilarity(low)).toBeGreaterThanOrEqual(0);
      expect(softSimilarity(high)).toBeLessThanOrEqual(MAX_SOFT_SIMILARITY);
      expect(softSimilarity(low)).toBeLessThanOrEqual(softSimilarity(high));
    }));
  });

  it("AUTO-4: rare words say more than frequent ones; words without a vector count as the rarest", () => {
    expect(generalInformation(vectors, 0)).toBeLessThan(generalInformation(vectors, 5));
    expect(generalInformation(vectors, vectors.size - 1)).toBeLessThan(generalInformation(vectors, -1));
  });
});

describe("soft match in the score (AUTO-4)", () => {
  it("AUTO-4: a paraphrase sharing no word with the entry is found through similar words", () => {
    expect(scoreMessage(lexicalOnly, "how do i launder a couch").ranked).toEqual([]);
    const ranked = scoreMessage(withVectors, "how do i launder a couch").ranked;
    expect(ranked[0]).toMatchObject({ externalId: "sofa-care", lexical: 0 });
    expect(ranked[0]!.score).toBeGreaterThan(0.2);
    expect(scoreMessage(withVectors, "shipping overseas?").ranked[0]?.externalId).toBe("abroad");
  });

  it("AUTO-4: with vectors an entry's exact question still scores 1 and ranks first", () => {
    for (const entry of ENTRIES) expect(scoreMessage(withVectors, entry.question).ranked[0]).toMatchObject({ externalId: entry.externalId, score: 1, lexical: 1 });
  });

  it("AUTO-4: with vectors scores and lexical scores stay in [0, 1] and come best first for any text (property)", () => {
    const text = fc.oneof(fc.string({ maxLength: 120 }), fc.array(fc.constantFrom(...words, "the", "do", "you", "?", "and", "how", "wash", "my", "order"), { maxLength: 12 }).map((parts) => parts.join(" ")));
    fc.assert(fc.property(text, (message) => {
      const { ranked } = scoreMessage(withVectors, message);
      for (const scored of ranked) {
        for (const value of [scored.score, scored.lexical]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
      for (let position = 1; position < ranked.length; position++) expect(ranked[position - 1]!.score).toBeGreaterThanOrEqual(ranked[position]!.score);
    }));
  });

  it("AUTO-4: past the per-message budget of vector words, words still match by their term", () => {
    const letters = (value: number): string => (value < 26 ? "" : letters(Math.floor(value / 26))) + String.fromCharCode(97 + (value % 26));
    const filler = Array.from({ length: MAX_VECTOR_WORDS_PER_MESSAGE + 8 }, (_, position) => `zz${letters(position)}`);
    const table = [...words, ...filler];
    const big = createWordVectors(table, Float32Array.from(table.flatMap((word, row) => AXES[word] ?? Array.from({ length: 6 }, (_, dimension) => Math.sin(row * 3.7 + dimension)))), 6);
    const index = buildFaqIndex(ENTRIES, { vectors: big });
    const cache = newSoftMatchCache();
    const query = [...filler, "voucher"].map((word) => ({ word, term: termOf(word), weight: 1 }));
    const scores = softMatch(index.soft!, query, cache);
    expect(cache.vectorWords).toBe(MAX_VECTOR_WORDS_PER_MESSAGE);
    const vouchers = ENTRIES.findIndex((entry) => entry.key === "vouchers");
    expect(scores.phrasings[index.phrasings.findIndex((phrasing) => phrasing.entry === vouchers)]).toBeGreaterThan(0);
    const { ranked } = scoreMessage(index, `${filler.join(" ")} voucher`);
    expect(ranked[0]?.externalId).toBe("vouchers");
  });

  it("AUTO-4: a match made through word vectors alone is suggested but never sent automatically", () => {
    const text = "what if I launder the couch";
    const scores = scoreMessage(withVectors, text);
    expect(scores.ranked[0]!.lexical).toBeLessThan(MIN_LEXICAL_SCORE);
    const threshold = Math.min(scores.ranked[0]!.score, 0.5);
    expect(decideAutoSend(withVectors, text, scores, { enabled: true, threshold })).toEqual({ send: false, reason: "lexical_evidence" });
    // The same question in the entry's words is sent.
    const direct = "Can I wash the sofa cover?";
    expect(decideAutoSend(withVectors, direct, scoreMessage(withVectors, direct), { enabled: true, threshold: 0.7 })).toMatchObject({ send: true, entry: { externalId: "sofa-care" } });
  });

  it("AUTO-4: with vectors the refusal rules still hold: order data, a person, another language (property)", () => {
    const on = { enabled: true, threshold: 0.5 };
    const prefix = fc.constantFrom("where is my order #12345, also ", "i want to talk to a human: ", "¿dónde está mi pedido? ");
    fc.assert(fc.property(prefix, fc.constantFrom(...ENTRIES.map((entry) => entry.question)), (start, question) => {
      const text = `${start}${question}`;
      expect(decideAutoSend(withVectors, text, scoreMessage(withVectors, text), on).send).toBe(false);
    }));
  });
});
