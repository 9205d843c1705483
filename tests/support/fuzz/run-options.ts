// Bounded, reproducible fuzz runs (NF-3): every property has its own fixed seed derived from
// the suite's base seed and the property's name, so adding a route changes no other route's
// inputs. A failure prints fast-check's seed and path; replay exactly that case with
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> CI=true npx vitest run --project integration <file> -t "<title>"
// FUZZ_RUNS raises or lowers the number of runs; FUZZ_SHRINK=1 shrinks the counterexample
// (slower: every shrink step is a real request).
import crypto from "node:crypto";
import type fc from "fast-check";

export const BASE_SEED = 20261202;

export function fuzzRunOptions<T>(name: string, defaultRuns: number): fc.Parameters<T> {
  const derived = crypto.createHash("sha256").update(`${BASE_SEED}:${name}`).digest().readInt32BE(0);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : derived;
  return {
    seed,
    path: process.env.FUZZ_PATH || undefined,
    numRuns: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : defaultRuns,
    endOnFailure: process.env.FUZZ_SHRINK !== "1",
  };
}
