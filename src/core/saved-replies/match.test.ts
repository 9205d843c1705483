import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedTypos, matchSavedReplies, prefixDistance, slashQueryAt, type MatchableReply } from "./match";

const replies: MatchableReply[] = [
  { id: "1", shortcut: "refund", title: "Refund timeline", body: "Your refund reaches you within 5 working days." },
  { id: "2", shortcut: "ship", title: "Shipping times", body: "We ship within 24 hours, {buyer}." },
  { id: "3", shortcut: "shipping-delay", title: "Delayed parcel", body: "Sorry, the carrier is running late with {order_id}." },
  { id: "4", shortcut: "thanks", title: "Return policy", body: "Returns are free for 30 days." },
  { id: "5", shortcut: "hello", title: "Greeting", body: "Hi {buyer}, I am {agent}. How can I help? Café open." },
];

const shortcuts = (query: string) => matchSavedReplies(replies, query).map((match) => match.reply.shortcut);

describe("AUTO-2 typo-tolerant matching of the / query", () => {
  it("AUTO-2 an exact shortcut comes first, then shortcut prefixes (shorter first), then title, then body", () => {
    expect(shortcuts("ship")).toEqual(["ship", "shipping-delay"]);
    expect(shortcuts("shi")[0]).toBe("ship");
    expect(shortcuts("/refund")[0]).toBe("refund");
    // "parcel" is only in a title; "carrier" only in a body.
    expect(shortcuts("parcel")).toEqual(["shipping-delay"]);
    expect(shortcuts("carrier")).toEqual(["shipping-delay"]);
  });

  it("AUTO-2 tolerates typos: a swapped pair, a missing or a wrong letter", () => {
    expect(shortcuts("refnud")[0]).toBe("refund");
    expect(shortcuts("refnd")[0]).toBe("refund");
    expect(shortcuts("retrun polcy")).toEqual(["thanks"]);
    expect(shortcuts("shiping")).toContain("shipping-delay");
    expect(shortcuts("cafe")).toEqual(["hello"]);
  });

  it("AUTO-2 short words must match exactly, so a three-letter query stays precise", () => {
    expect(allowedTypos(3)).toBe(0);
    expect(shortcuts("xyz")).toEqual([]);
    expect(shortcuts("hel")).toEqual(["hello"]);
  });

  it("AUTO-2 every query word must match; unrelated text matches nothing", () => {
    expect(shortcuts("refund parcel")).toEqual([]);
    expect(shortcuts("zebra")).toEqual([]);
  });

  it("AUTO-2 an empty query lists every reply by shortcut, and limit bounds the answer", () => {
    expect(shortcuts("")).toEqual(["hello", "refund", "ship", "shipping-delay", "thanks"]);
    expect(matchSavedReplies(replies, "", 2)).toHaveLength(2);
  });

  it("AUTO-2 prefixDistance is the edit distance to the closest prefix", () => {
    expect(prefixDistance("ret", "return", 0)).toBe(0);
    expect(prefixDistance("rteu", "return", 1)).toBe(1);
    expect(prefixDistance("abcd", "return", 2)).toBe(Infinity);
  });

  const arbitraryReply = fc.record({
    id: fc.uuid(),
    shortcut: fc.stringMatching(/^[a-z0-9_-]{1,12}$/),
    title: fc.string({ maxLength: 30 }),
    body: fc.string({ maxLength: 80 }),
  });

  it("AUTO-2 property: a reply whose shortcut equals the query always ranks first", () => {
    fc.assert(
      fc.property(fc.array(arbitraryReply, { maxLength: 20 }), arbitraryReply, fc.nat(), (others, target, at) => {
        const list = [...others.filter((other) => other.shortcut !== target.shortcut)];
        list.splice(at % (list.length + 1), 0, target);
        expect(matchSavedReplies(list, target.shortcut)[0]!.reply.id).toBe(target.id);
      }),
    );
  });

  it("AUTO-2 property: results are a subset without duplicates, in non-increasing score order", () => {
    fc.assert(
      fc.property(fc.array(arbitraryReply, { maxLength: 20 }), fc.string({ maxLength: 10 }), (list, query) => {
        const ranked = matchSavedReplies(list, query);
        expect(new Set(ranked.map((match) => match.reply)).size).toBe(ranked.length);
        for (const match of ranked) expect(list).toContain(match.reply);
        for (let index = 1; index < ranked.length; index++) expect(ranked[index - 1]!.score).toBeGreaterThanOrEqual(ranked[index]!.score);
      }),
    );
  });

  it("AUTO-2 property: any word of a title, with one typo when it is 4 to 6 letters, finds its reply", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,6}$/), fc.nat(), (word, position) => {
        const typo = [...word];
        const index = position % typo.length;
        typo[index] = typo[index] === "q" ? "x" : "q";
        const list = [{ id: "t", shortcut: "zz9", title: `About ${word} today`, body: "" }];
        expect(matchSavedReplies(list, typo.join("")).map((match) => match.reply.id)).toEqual(["t"]);
      }),
    );
  });
});

describe("AUTO-2 where a / query is typed", () => {
  it("AUTO-2 at the start or after whitespace, up to the caret", () => {
    expect(slashQueryAt("/ref", 4)).toEqual({ start: 0, query: "ref" });
    expect(slashQueryAt("Hi! /", 5)).toEqual({ start: 4, query: "" });
    expect(slashQueryAt("line\n/ship now", 10)).toEqual({ start: 5, query: "ship" });
  });

  it("AUTO-2 not inside a word or a link, and not once a space follows", () => {
    expect(slashQueryAt("and/or", 6)).toBeNull();
    expect(slashQueryAt("see https://shop.example/x", 26)).toBeNull();
    expect(slashQueryAt("/ref ", 5)).toBeNull();
  });
});
