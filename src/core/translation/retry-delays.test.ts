import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retryDelays } from "./retry-delays";

describe("SET-3 translation retry delays", () => {
  it("SET-3 doubles from the base up to the cap; jitter stays within the upper half of each step", () => {
    expect(retryDelays({ retries: 4, baseMs: 100, maxMs: 300 }, () => 0)).toEqual([50, 100, 150, 150]);
    expect(retryDelays({ retries: 4, baseMs: 100, maxMs: 300 }, () => 0.999_999)).toEqual([100, 200, 300, 300]);
    expect(retryDelays({ retries: 0, baseMs: 100, maxMs: 300 })).toEqual([]);
  });

  it("SET-3 every delay is between half the step and the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (retries, baseMs, maxMs, r) => {
        const delays = retryDelays({ retries, baseMs, maxMs }, () => r);
        expect(delays).toHaveLength(retries);
        delays.forEach((delay, attempt) => {
          const step = Math.min(maxMs, baseMs * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(delay).toBeLessThanOrEqual(Math.min(maxMs, step));
        });
      }),
    );
  });
});
