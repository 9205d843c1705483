import { describe, expect, it } from "vitest";
import { fromApertiumCode, isLanguageCode, normalisePairs, toApertiumCode } from "./languages";

describe("SET-3 language codes", () => {
  it("SET-3 maps ISO 639-1 to Apertium's ISO 639-3 and back, variants folded", () => {
    expect(toApertiumCode("es")).toBe("spa");
    expect(toApertiumCode("en")).toBe("eng");
    expect(toApertiumCode("xx")).toBeNull();
    expect(fromApertiumCode("spa")).toBe("es");
    expect(fromApertiumCode("eng_US")).toBe("en");
    expect(fromApertiumCode("en")).toBe("en");
    expect(fromApertiumCode("qqq")).toBeNull();
    for (const code of ["ca", "en", "es", "gl", "id", "pt"]) expect(fromApertiumCode(toApertiumCode(code)!)).toBe(code);
  });

  it("SET-3 pairs: variants collapse, same-language pairs drop, order is stable", () => {
    expect(normalisePairs([{ from: "es", to: "en" }, { from: "es", to: "en" }, { from: "en", to: "es" }, { from: "en", to: "en" }])).toEqual([
      { from: "en", to: "es" },
      { from: "es", to: "en" },
    ]);
  });

  it("SET-3 only two lower-case letters are a language code", () => {
    expect(isLanguageCode("es")).toBe(true);
    for (const bad of ["ES", "spa", "e", "", "es-ES"]) expect(isLanguageCode(bad)).toBe(false);
  });
});
