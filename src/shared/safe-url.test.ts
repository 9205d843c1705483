// CHAT-2, TEAM-6 (issue 15): links and avatar addresses are http(s) URLs or same-site paths.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeUrl, safeUrlOrNull, ZSafeUrl } from "./safe-url";

describe("isSafeUrl", () => {
  it.each([
    ["https://shop.example/p/1", true],
    ["HTTP://shop.example", true],
    ["/products/oolong", true],
    ["/", true],
    ["/api/uploads/abc?x=1#y", true],
    ["/\\evil.example/", false],
    ["//evil.example/", false],
    ["/\t/evil.example", false],
    ["/\n/evil.example", false],
    [" /x", false],
    ["javascript:alert(1)", false],
    ["JaVaScRiPt:alert(1)", false],
    ["data:text/html,<b>", false],
    ["vbscript:x", false],
    ["products/1", false],
    ["https:/evil.example", false],
    ["https://", false],
    ["", false],
  ])("CHAT-2 %j → %s", (value, expected) => {
    expect(isSafeUrl(value)).toBe(expected);
  });

  it("CHAT-2 property: whatever passes resolves to http(s), and a path stays on the same origin", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `https://${s}`), fc.string().map((s) => `/${s}`), fc.constantFrom("/\\", "//", "/\t/")), (value) => {
        if (!isSafeUrl(value)) return true;
        const base = "https://shop.example";
        const resolved = new URL(value, base);
        if (!/^(https?):/.test(resolved.protocol)) return false;
        return /^https?:\/\//i.test(value) || resolved.origin === base;
      }),
      { numRuns: 500 },
    );
  });

  it("CHAT-2 the zod refinement trims and bounds; the render guard drops what fails", () => {
    expect(ZSafeUrl(20).safeParse("  /a  ").data).toBe("/a");
    expect(ZSafeUrl(20).safeParse(`/${"a".repeat(20)}`).success).toBe(false);
    expect(ZSafeUrl().safeParse("javascript:alert(1)").success).toBe(false);
    expect(safeUrlOrNull("javascript:alert(1)")).toBeNull();
    expect(safeUrlOrNull(null)).toBeNull();
    expect(safeUrlOrNull("/ok")).toBe("/ok");
  });
});
