// NF-3: the field primitives refuse what PostgreSQL cannot store, with a field message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INT4_MAX, safeLine, safeText, seqNumber, seqNumberParam, storableDate, unstorableTextReason } from "./zod-primitives";

describe("NF-3 zod primitives", () => {
  it.each([
    ["plain text", "Hello, 世界 👋", true, true],
    ["tab and newline", "line 1\n\tline 2", true, false],
    ["NUL", "a\u0000b", false, false],
    ["a lone high surrogate", "a\uD83Db", false, false],
    ["a lone low surrogate at the end", "ab\uDC4B", false, false],
    ["an escape control", "a\u001bb", true, false],
    ["DEL", "a\u007f", true, false],
  ])("NF-3 safeText/safeLine: %s", (_label, value, textOk, lineOk) => {
    expect(safeText().safeParse(value).success).toBe(textOk);
    expect(safeLine().safeParse(value).success).toBe(lineOk);
  });

  it("NF-3 a NUL character is refused with a message naming it", () => {
    const result = safeText().safeParse("x\u0000");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("NUL");
  });

  it("NF-3 safeText accepts every well-formed string without NUL (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        fc.pre(!value.includes("\u0000"));
        expect(unstorableTextReason(value)).toBeNull();
      }),
    );
  });

  it("NF-3 safeText refuses any string holding a NUL or a lone surrogate (property)", () => {
    const hostile = fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\uDBFF");
    fc.assert(
      fc.property(fc.string(), hostile, fc.string(), (before, bad, after) => {
        fc.pre(bad === "\u0000" || (!/[\uD800-\uDBFF]$/.test(before) && !/^[\uDC00-\uDFFF]/.test(after)));
        expect(safeText().safeParse(before + bad + after).success).toBe(false);
      }),
    );
  });

  it.each([
    ["2026-01-31T09:30:00Z", true],
    ["2026-01-31T17:30:00+08:00", true],
    ["1970-01-01T00:00:00Z", true],
    ["9999-12-31T23:59:59Z", true],
    ["0000-01-01T00:00:00Z", false],
    ["1969-12-31T23:59:59Z", false],
    ["9999-12-31T23:59:59-14:00", false],
    ["2026-02-30T00:00:00Z", false],
    ["2026-01-31", false],
  ])("NF-3 storableDate %s → %s", (value, ok) => {
    expect(storableDate().safeParse(value).success).toBe(ok);
  });

  it.each([
    [0, true],
    [INT4_MAX, true],
    [INT4_MAX + 1, false],
    [-1, false],
    [1.5, false],
    [Number.MAX_SAFE_INTEGER, false],
  ])("NF-3 seqNumber %s → %s", (value, ok) => {
    expect(seqNumber().safeParse(value).success).toBe(ok);
    expect(seqNumberParam().safeParse(String(value)).success).toBe(ok);
  });

  it("NF-3 seqNumberParam refuses text and exponents beyond int4", () => {
    expect(seqNumberParam().safeParse("abc").success).toBe(false);
    expect(seqNumberParam().safeParse("1e400").success).toBe(false);
    expect(seqNumberParam().safeParse("2147483648").success).toBe(false);
  });
});
