import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_LOCALE, isSupportedLocale, localeFromAcceptLanguage, parseAcceptLanguage, resolveConsoleLocale, resolveWidgetLocale, toSupportedLocale,
} from "./locale";

describe("NF-5 locale resolution", () => {
  test("NF-5: a tag maps to a supported locale by its primary language, anything else to none", () => {
    expect(toSupportedLocale("es")).toBe("es");
    expect(toSupportedLocale("es-ES")).toBe("es");
    expect(toSupportedLocale("ES_mx")).toBe("es");
    expect(toSupportedLocale("en-GB")).toBe("en");
    expect(toSupportedLocale("fr")).toBeNull();
    expect(toSupportedLocale("")).toBeNull();
    expect(toSupportedLocale(null)).toBeNull();
    expect(toSupportedLocale("eso")).toBeNull();
  });

  test("NF-5: Accept-Language is read by weight, keeping the browser's order on ties", () => {
    expect(parseAcceptLanguage("fr-CH, fr;q=0.9, es;q=0.8, *;q=0.5")).toEqual(["fr-CH", "fr", "es"]);
    expect(parseAcceptLanguage("en;q=0.3, es")).toEqual(["es", "en"]);
    expect(parseAcceptLanguage("es;q=0, en")).toEqual(["en"]);
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, es-ES;q=0.8, en;q=0.7")).toBe("es");
    expect(localeFromAcceptLanguage("de, fr")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });

  test("NF-5: the console follows the member's language, then the shop's, then the browser's, then English", () => {
    expect(resolveConsoleLocale({ memberLanguage: "es", shopLanguage: "en", acceptLanguage: "en" })).toBe("es");
    expect(resolveConsoleLocale({ memberLanguage: "en", shopLanguage: "es", acceptLanguage: "es" })).toBe("en");
    // A language the product does not ship (a member who chose Vietnamese) falls through.
    expect(resolveConsoleLocale({ memberLanguage: "vi", shopLanguage: "es", acceptLanguage: "en" })).toBe("es");
    expect(resolveConsoleLocale({ memberLanguage: null, shopLanguage: null, acceptLanguage: "es-AR,es;q=0.9" })).toBe("es");
    expect(resolveConsoleLocale({ memberLanguage: null, shopLanguage: null, acceptLanguage: "de" })).toBe(DEFAULT_LOCALE);
  });

  test("NF-5: the widget follows the storefront's choice, then the browser's, then English", () => {
    expect(resolveWidgetLocale({ storefrontChoice: "es", acceptLanguage: "en-US" })).toBe("es");
    expect(resolveWidgetLocale({ storefrontChoice: "en", acceptLanguage: "es-ES" })).toBe("en");
    expect(resolveWidgetLocale({ storefrontChoice: null, acceptLanguage: "es-ES,es;q=0.9" })).toBe("es");
    expect(resolveWidgetLocale({ storefrontChoice: "fr", acceptLanguage: "es" })).toBe("es");
    expect(resolveWidgetLocale({ storefrontChoice: "fr", acceptLanguage: "fr" })).toBe("en");
  });

  test("NF-5: whatever the input, the result is a supported locale", () => {
    const text = fc.option(fc.string(), { nil: null });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(isSupportedLocale(resolveConsoleLocale({ memberLanguage: a, shopLanguage: b, acceptLanguage: c }))).toBe(true);
        expect(isSupportedLocale(resolveWidgetLocale({ storefrontChoice: a, acceptLanguage: c }))).toBe(true);
      }),
    );
  });
});
