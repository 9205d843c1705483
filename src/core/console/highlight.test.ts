import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMatches, highlightMatches } from "./highlight";

describe("CONSOLE-4 search highlight", () => {
  it("flags every case-insensitive match", () => {
    expect(highlightMatches("Order ORD-24017 and ord-24017", "ord-24017")).toEqual([
      { text: "Order ", isMatch: false },
      { text: "ORD-24017", isMatch: true },
      { text: " and ", isMatch: false },
      { text: "ord-24017", isMatch: true },
    ]);
  });

  it("returns the whole text unflagged when nothing matches", () => {
    expect(highlightMatches("hello there", "kettle")).toEqual([{ text: "hello there", isMatch: false }]);
  });

  it("keeps markup as plain text (React escapes it)", () => {
    expect(highlightMatches("<b>kettle</b>", "kettle")).toEqual([
      { text: "<b>", isMatch: false },
      { text: "kettle", isMatch: true },
      { text: "</b>", isMatch: false },
    ]);
  });

  it("cuts an excerpt around the first match", () => {
    const text = `${"a".repeat(200)} the kettle arrived ${"b".repeat(200)}`;
    const segments = highlightMatches(text, "kettle", { maxLength: 60 });
    const joined = segments.map((segment) => segment.text).join("");
    expect(joined.startsWith("…")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(62);
    expect(segments.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual(["kettle"]);
  });

  it("the segments always spell the (single-line) text when no excerpt is cut (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ minLength: 1, maxLength: 4 }), (text, query) => {
        const segments = highlightMatches(text, query);
        expect(segments.map((segment) => segment.text).join("")).toBe(text.replace(/\s+/g, " "));
        for (const segment of segments.filter((piece) => piece.isMatch)) {
          expect(segment.text.toLocaleLowerCase()).toContain(query.trim().toLocaleLowerCase());
        }
      }),
    );
  });

  it("finds no matches for a blank query", () => {
    expect(findMatches("anything", "  ")).toEqual([]);
  });
});
