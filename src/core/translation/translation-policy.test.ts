import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agentLanguageOf, directionOf, effectiveTranslation, planTranslation, TRANSLATION_OFF, type ChatTranslationOverride, type ShopTranslationSetting } from "./translation-policy";

const reliable = (language: string) => ({ language, reliable: true });
const none = { language: null, reliable: false };
const on = (buyerLanguage: string | null, agentLanguage: string | null) => ({ on: true as const, buyerLanguage, agentLanguage });

describe("SET-3 which setting applies to a chat", () => {
  it.each<[string, ShopTranslationSetting, ChatTranslationOverride, ReturnType<typeof effectiveTranslation>]>([
    ["the shop's off stays off", { mode: "off" }, null, TRANSLATION_OFF],
    ["the shop's auto-detect detects the buyer and uses the member's language", { mode: "auto" }, null, on(null, null)],
    ["the shop's pair fixes both languages", { mode: "pair", buyerLanguage: "es", agentLanguage: "en" }, null, on("es", "en")],
    ["a chat turned off is off whatever the shop says", { mode: "auto" }, { mode: "off" }, TRANSLATION_OFF],
    ["a chat on auto translates in a shop that is off", { mode: "off" }, { mode: "auto" }, on(null, null)],
    ["a chat's chosen buyer language keeps the pair's agent language", { mode: "pair", buyerLanguage: "es", agentLanguage: "en" }, { mode: "language", language: "pt" }, on("pt", "en")],
    ["a chat's chosen buyer language in a shop that is off", { mode: "off" }, { mode: "language", language: "es" }, on("es", null)],
  ])("SET-3 %s", (_title, shop, chat, expected) => {
    expect(effectiveTranslation({ engineConfigured: true, shop, chat })).toEqual(expected);
  });

  it("SET-3 with no engine configured nothing is ever translated", () => {
    const shops = fc.constantFrom<ShopTranslationSetting>({ mode: "off" }, { mode: "auto" }, { mode: "pair", buyerLanguage: "es", agentLanguage: "en" });
    const chats = fc.constantFrom<ChatTranslationOverride>(null, { mode: "off" }, { mode: "auto" }, { mode: "language", language: "es" });
    fc.assert(fc.property(shops, chats, (shop, chat) => {
      expect(effectiveTranslation({ engineConfigured: false, shop, chat })).toEqual(TRANSLATION_OFF);
    }));
  });
});

describe("SET-3 the agent's language", () => {
  it("SET-3 the pair's, else the member's, else the shop's, else English", () => {
    expect(agentLanguageOf({ fixed: "en", member: "es", shop: "id" })).toBe("en");
    expect(agentLanguageOf({ fixed: null, member: "es", shop: "id" })).toBe("es");
    expect(agentLanguageOf({ fixed: null, member: null, shop: "id" })).toBe("id");
    expect(agentLanguageOf({ fixed: null, member: null, shop: null })).toBe("en");
  });
});

describe("SET-3 when a message is translated", () => {
  const auto = on(null, null);
  const buyer = (body: string) => ({ authorType: "buyer" as const, kind: "text", body });
  const agent = (body: string) => ({ authorType: "agent" as const, kind: "text", body });

  it("SET-3 buyers' messages come in, agents' and the bot's go out, system notes and empty texts are not translated", () => {
    expect(directionOf(buyer("hola"))).toBe("incoming");
    expect(directionOf(agent("hello"))).toBe("outgoing");
    expect(directionOf({ authorType: "bot", kind: "text", body: "Hi" })).toBe("outgoing");
    expect(directionOf({ authorType: "system", kind: "system", body: "Assigned" })).toBeNull();
    expect(directionOf({ authorType: "buyer", kind: "image", body: "  " })).toBeNull();
  });

  it("SET-3 a Spanish buyer message is translated into the agent's English", () => {
    const text = "¿Dónde está mi pedido? Lo compré hace una semana";
    expect(planTranslation({ translation: auto, message: buyer(text), detection: reliable("es"), buyerLanguage: "es", agentLanguage: "en" })).toEqual({ direction: "incoming", from: "es", to: "en" });
  });

  it("SET-3 an English reply is translated into the conversation's Spanish", () => {
    expect(planTranslation({ translation: auto, message: agent("Your order ships tomorrow"), detection: reliable("en"), buyerLanguage: "es", agentLanguage: "en" })).toEqual({ direction: "outgoing", from: "en", to: "es" });
  });

  it("SET-3 nothing is translated while off, before the buyer's language is known, or within one language", () => {
    expect(planTranslation({ translation: TRANSLATION_OFF, message: buyer("hola amigo, necesito ayuda"), detection: reliable("es"), buyerLanguage: "es", agentLanguage: "en" })).toBe("off");
    expect(planTranslation({ translation: auto, message: agent("Hello, how can I help?"), detection: reliable("en"), buyerLanguage: null, agentLanguage: "en" })).toBe("language_unknown");
    expect(planTranslation({ translation: auto, message: buyer("Where is my order please?"), detection: reliable("en"), buyerLanguage: "en", agentLanguage: "en" })).toBe("same_language");
  });

  it("SET-3 a text decisively written in the target language already is left alone", () => {
    // An agent who answers a Spanish buyer in Spanish.
    expect(planTranslation({ translation: on("es", "en"), message: agent("Su pedido sale mañana por la mañana"), detection: reliable("es"), buyerLanguage: "es", agentLanguage: "en" })).toBe("same_language");
    // "ok" decides nothing: it is translated as the agent's language.
    expect(planTranslation({ translation: on("es", "en"), message: agent("ok"), detection: none, buyerLanguage: "es", agentLanguage: "en" })).toEqual({ direction: "outgoing", from: "en", to: "es" });
  });
});
