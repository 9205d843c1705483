import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { readCatalog } from "@/i18n/messages";
import { consoleTitle, type TitleTranslate } from "./console-title";

const titles = (locale: "en" | "es"): TitleTranslate => {
  const t = createTranslator({ locale, messages: readCatalog(locale), namespace: "console.title" });
  return (key, values) => t(key as never, values as never);
};

describe("CONSOLE-8 the tab badge", () => {
  it.each([
    [0, "Console · Harbor & Pine · Counterpart"],
    [3, "(3) Console · Harbor & Pine · Counterpart"],
    [120, "(99+) Console · Harbor & Pine · Counterpart"],
  ])("%i unread", (unread, expected) => {
    expect(consoleTitle(titles("en"), "Harbor & Pine", unread)).toBe(expected);
  });

  it("NF-5 in Spanish", () => {
    expect(consoleTitle(titles("es"), "Harbor & Pine", 0)).toBe("Consola · Harbor & Pine · Counterpart");
    expect(consoleTitle(titles("es"), "Harbor & Pine", 4)).toBe("(4) Consola · Harbor & Pine · Counterpart");
  });
});
