import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarize, summarizeBySelection } from "./percentiles";

describe("ANALYTICS-4 medians and p90 by selection", () => {
  it("property: selection gives exactly the nearest-rank median and p90 of a full sort", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { maxLength: 400 }), fc.boolean(), (values, fewDistinct) => {
        const samples = fewDistinct ? values.map((value) => value % 7) : values;
        expect(summarizeBySelection(Float64Array.from(samples))).toEqual(summarize(samples));
      }),
      { numRuns: 500 },
    );
  });

  it("sorted, reversed and constant samples", () => {
    const ascending = Array.from({ length: 1_001 }, (_, index) => index);
    expect(summarizeBySelection(Float64Array.from(ascending))).toEqual({ count: 1_001, medianMs: 500, p90Ms: 900 });
    expect(summarizeBySelection(Float64Array.from(ascending.reverse()))).toEqual({ count: 1_001, medianMs: 500, p90Ms: 900 });
    expect(summarizeBySelection(new Float64Array(50).fill(7))).toEqual({ count: 50, medianMs: 7, p90Ms: 7 });
    expect(summarizeBySelection(new Float64Array(0))).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});
