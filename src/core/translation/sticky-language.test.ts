import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNKNOWN_LANGUAGE, nextConversationLanguage, overrideConversationLanguage, type ConversationLanguage } from "./sticky-language";

const reliable = (language: string) => ({ language, reliable: true });

describe("SET-3 a conversation's language is sticky", () => {
  it.each([
    ["a reliable detection of a real sentence decides", UNKNOWN_LANGUAGE, "¿Dónde está mi pedido, por favor?", reliable("es"), { language: "es", source: "detected" }],
    ["a short message never switches it", { language: "es", source: "detected" }, "ok thanks", reliable("en"), { language: "es", source: "detected" }],
    ["an unreliable detection never switches it", { language: "es", source: "detected" }, "I would like to return this please", { language: "en", reliable: false }, { language: "es", source: "detected" }],
    ["a long reliable message in another language switches it", { language: "es", source: "detected" }, "Actually I would rather write in English", reliable("en"), { language: "en", source: "detected" }],
    ["nothing detected leaves it unknown", UNKNOWN_LANGUAGE, "12345 678910 111213 #@!", { language: null, reliable: false }, UNKNOWN_LANGUAGE],
    ["a member's choice wins over detection", { language: "es", source: "override" }, "Actually I would rather write in English", reliable("en"), { language: "es", source: "override" }],
  ] as const)("SET-3 %s", (_title, current, text, detection, expected) => {
    expect(nextConversationLanguage(current as ConversationLanguage, text, detection)).toEqual(expected);
  });

  it("SET-3 an override can be cleared, and detection goes on from the language it left", () => {
    const chosen = overrideConversationLanguage({ language: "en", source: "detected" }, "es");
    expect(chosen).toEqual({ language: "es", source: "override" });
    expect(overrideConversationLanguage(chosen, null)).toEqual({ language: "es", source: "detected" });
    expect(overrideConversationLanguage(UNKNOWN_LANGUAGE, null)).toEqual(UNKNOWN_LANGUAGE);
  });

  it("SET-3 messages of fewer than 12 letters never change the language, whatever the detector says", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11 }), fc.constantFrom("en", "es", "id"), fc.boolean(), (text, language, isReliable) => {
        const current: ConversationLanguage = { language: "fr", source: "detected" };
        expect(nextConversationLanguage(current, text, { language, reliable: isReliable })).toEqual(current);
      }),
    );
  });
});
