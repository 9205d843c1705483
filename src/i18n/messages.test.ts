// NF-5: every language ships every message. A key (or a whole namespace file) present in one
// language and missing in another fails here, as does an empty message, a message whose
// placeholders differ between languages, and a message that is not valid ICU syntax.
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { SUPPORTED_LOCALES } from "@/core/i18n/locale";
import { MESSAGES_DIR, readCatalog } from "./messages";

/** "widget.status.agentOnline" → its text, for every leaf of a catalog. */
function flatten(messages: AbstractIntlMessages, prefix = ""): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") for (const [leaf, text] of flatten(value, name)) leaves.set(leaf, text);
    else leaves.set(name, value);
  }
  return leaves;
}

/** The ICU arguments and rich-text tags of a message, to compare across languages. */
function placeholders(text: string): { args: string[]; tags: string[] } {
  const args = [...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((match) => match[1]!);
  const tags = [...text.matchAll(/<([A-Za-z][\w-]*)>/g)].map((match) => match[1]!);
  return { args: [...new Set(args)].sort(), tags: [...new Set(tags)].sort() };
}

const catalogs = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, flatten(readCatalog(locale))]));

describe("NF-5 message catalogs", () => {
  test("NF-5: every supported language has a messages folder, and no folder is a language we do not list", () => {
    const folders = readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(folders).toEqual([...SUPPORTED_LOCALES].sort());
  });

  test("NF-5: every language has the same namespaces and keys (a key missing in one language fails)", () => {
    const allKeys = new Set(Object.values(catalogs).flatMap((catalog) => [...catalog.keys()]));
    for (const locale of SUPPORTED_LOCALES) {
      const missing = [...allKeys].filter((key) => !catalogs[locale]!.has(key));
      expect(missing, `keys missing in messages/${locale}/`).toEqual([]);
    }
  });

  test("NF-5: no message is empty or other than text", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const bad = [...catalogs[locale]!].filter(([, text]) => typeof text !== "string" || text.trim() === "").map(([key]) => key);
      expect(bad, `empty or non-text messages in messages/${locale}/`).toEqual([]);
    }
  });

  test("NF-5: a message has the same placeholders and tags in every language", () => {
    const [first, ...others] = SUPPORTED_LOCALES;
    for (const [key, text] of catalogs[first]!) {
      for (const locale of others) {
        const translated = catalogs[locale]!.get(key);
        if (typeof text !== "string" || typeof translated !== "string") continue;
        expect(placeholders(translated), `${locale}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  test("NF-5: every message is valid ICU and formats in its language", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: readCatalog(locale), onError: (error) => errors.push(error.message) });
      for (const [key, text] of catalogs[locale]!) {
        if (typeof text !== "string") continue;
        const { args, tags } = placeholders(text);
        const values = Object.fromEntries([...args.map((name) => [name, 1] as const), ...tags.map((name) => [name, (chunks: string) => chunks] as const)]);
        t.markup(key as never, values as never);
      }
      expect(errors, `messages/${locale}/`).toEqual([]);
    }
  });
});
