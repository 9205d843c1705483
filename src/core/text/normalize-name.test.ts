import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { containsAnyWord, findForbiddenNameCharacter, nameSkeleton, normalizeName } from "./normalize-name";

const INVISIBLE_SAMPLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\ufe0f", "\u{e0041}"];
// Generous: the machines running the suite are shared, and grapheme strings are slow to generate.
const PROPERTY_TIMEOUT_MS = 30_000;
const BIDI_SAMPLES = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];

describe("normalizeName (issue 15 item 6)", () => {
  it.each([
    ["fullwidth letters become ASCII", "Ａｖａ", "Ava"],
    ["fullwidth at becomes @", "ava＠shop", "ava@shop"],
    ["small at becomes @", "ava﹫shop", "ava@shop"],
    ["zero-width space removed", "Of\u200bficial", "Official"],
    ["zero-width joiner removed", "Of\u200dficial", "Official"],
    ["soft hyphen removed", "Off\u00adicial", "Official"],
    ["BOM removed", "\ufeffAva", "Ava"],
    ["runs of white space folded", "  Ava \u3000\t Lee  ", "Ava Lee"],
    ["ligature decomposed", "ﬁona", "fiona"],
    ["composed accents kept", "Zoe\u0301", "Zoé"],
    ["other scripts kept as typed", "Анна", "Анна"],
    ["emoji kept", "Ava 🌸", "Ava 🌸"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => normalizeName(normalizeName(text)) === normalizeName(text)), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (text) => normalizeName(normalizeName(text)) === normalizeName(text)), { numRuns: 200 });
  }, PROPERTY_TIMEOUT_MS);

  it("never leaves an invisible character, a bidi control or surrounding space", () => {
    const anyText = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom(...INVISIBLE_SAMPLES, ...BIDI_SAMPLES, " ", "\u3000")), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(anyText, (text) => {
      const normalized = normalizeName(text);
      return [...INVISIBLE_SAMPLES, ...BIDI_SAMPLES].every((character) => !normalized.includes(character)) && normalized === normalized.trim();
    }), { numRuns: 200 });
  }, PROPERTY_TIMEOUT_MS);
});

describe("findForbiddenNameCharacter (issue 15 item 6)", () => {
  it.each(BIDI_SAMPLES.map((character) => [character.codePointAt(0)!.toString(16)]))("U+%s is a bidi control", (hex) => {
    expect(findForbiddenNameCharacter(`Ava${String.fromCodePoint(parseInt(hex, 16))}Lee`)).toBe("bidi_control");
  });

  it.each([["\u0000"], ["\n"], ["\u007f"], ["\u0085"]])("%j is a control character", (character) => {
    expect(findForbiddenNameCharacter(`Ava${character}`)).toBe("control");
  });

  it.each([["Ava"], ["Zoé"], ["Анна"], ["李雷"], ["Ava 🌸"], ["Of\u200bficial"]])("%s is allowed (invisibles are removed, not refused)", (name) => {
    expect(findForbiddenNameCharacter(name)).toBeNull();
  });
});

describe("nameSkeleton and containsAnyWord (issue 15 item 6, TEAM-4)", () => {
  it.each([
    ["plain", "Official Ava", "official"],
    ["upper case", "OFFICIAL", "official"],
    ["fullwidth", "ｏｆｆｉｃｉａｌ", "official"],
    ["zero-width space", "Off\u200bicial", "official"],
    ["soft hyphen", "Off\u00adicial", "official"],
    ["word joiner", "Off\u2060icial", "official"],
    ["Cyrillic о and і", "\u043efficial", "official"],
    ["Cyrillic upper-case О", "\u041efficial", "official"],
    ["Cyrillic а е р с", "\u0441ustomer \u0455\u0435rvi\u0441\u0435", "service"],
    ["Greek ο and ι", "\u03bfffic\u03b9al", "official"],
    ["accents", "ÓFFÍCIÁL", "official"],
    ["combining accents", "Of\u0301ficial", "official"],
    ["separators", "o.f-f i_c*i a l", "official"],
    ["dotless i", "offıcıal", "official"],
    ["small capitals", "ᴏꜰꜰɪᴄɪᴀʟ", "official"],
  ])("%s: %s contains %s", (_label, nickname, word) => {
    expect(containsAnyWord(nickname, [word])).toBe(true);
  });

  it.each([
    ["Ava", "official"],
    ["Offi Lee", "official"],
    ["🌸🌸", ""],
    ["Ava", "   "],
  ])("%s does not contain %j", (nickname, word) => {
    expect(containsAnyWord(nickname, [word])).toBe(false);
  });

  it("matches a review word written with look-alikes too", () => {
    expect(containsAnyWord("Official Ava", ["\u043efficial"])).toBe(true);
  });

  it("inserting invisible characters anywhere never changes the skeleton", () => {
    fc.assert(fc.property(
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE_SAMPLES)), { maxLength: 5 }),
      (word, insertions) => {
        const characters = [...word];
        for (const [position, invisible] of insertions) characters.splice(position % (characters.length + 1), 0, invisible);
        return nameSkeleton(characters.join("")) === nameSkeleton(word);
      },
    ));
  }, PROPERTY_TIMEOUT_MS);

  it("a word always matches a nickname that contains it, however it is disguised", () => {
    const disguise = (text: string, fullwidth: boolean[]) =>
      [...text].map((character, index) => (fullwidth[index % fullwidth.length] && /[!-~]/.test(character) ? String.fromCharCode(character.charCodeAt(0) + 0xfee0) : character)).join("\u200b");
    fc.assert(fc.property(
      fc.stringMatching(/^[a-z]{1,12}$/),
      fc.string({ unit: "grapheme-ascii", maxLength: 8 }),
      fc.string({ unit: "grapheme-ascii", maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      (word, before, after, fullwidth) => containsAnyWord(`${before}${disguise(word.toUpperCase(), fullwidth)}${after}`, [word]),
    ));
  }, PROPERTY_TIMEOUT_MS);
});
