import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter (NF-3)", () => {
  it("NF-3 allows the limit within a window, refuses the next, and resets after the window", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    expect([limiter.hit("a", 0), limiter.hit("a", 10), limiter.hit("a", 20)]).toEqual([0, 0, 0]);
    expect(limiter.hit("a", 30)).toBe(970);
    expect(limiter.hit("b", 30)).toBe(0);
    expect(limiter.hit("a", 1000)).toBe(0);
  });

  it("NF-3 never allows more than the limit in any one window", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), fc.integer({ min: 1, max: 10 }), (gaps, limit) => {
      const limiter = createRateLimiter({ limit, windowMs: 100 });
      let now = 0;
      const allowedAt: number[] = [];
      for (const gap of gaps) {
        now += gap;
        if (limiter.hit("k", now) === 0) allowedAt.push(now);
      }
      // Fixed windows: at most `limit` allowed hits in each [k*window start, +100).
      const perWindow = new Map<number, number>();
      let windowStart = -Infinity;
      for (const at of allowedAt) {
        if (at - windowStart >= 100) windowStart = at;
        perWindow.set(windowStart, (perWindow.get(windowStart) ?? 0) + 1);
      }
      return [...perWindow.values()].every((count) => count <= limit);
    }));
  });
});
