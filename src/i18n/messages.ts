// NF-5: the message catalogs. Each language has a folder, messages/<locale>/, with one JSON file
// per namespace (widget.json, common.json, …); a namespace is the file's name, so an area adds
// its own file without touching anyone else's. The catalog of a locale is every file merged:
// { common: {...}, widget: {...} }. messages.test.ts checks that every language has the same keys.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/core/i18n/locale";

export const MESSAGES_DIR = path.join(process.cwd(), "messages");

export type Catalog = Record<string, AbstractIntlMessages>;

/** Reads messages/<locale>/*.json. */
export function readCatalog(locale: string, dir: string = MESSAGES_DIR): Catalog {
  const folder = path.join(dir, locale);
  const catalog: Catalog = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".json")).sort()) {
    catalog[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as AbstractIntlMessages;
  }
  return catalog;
}

const cached = new Map<Locale, Catalog>();

/** The merged catalog of a locale, read once per process (re-read on every request in development). */
export function loadMessages(locale: Locale): Catalog {
  if (process.env.NODE_ENV === "development") return readCatalog(locale);
  let catalog = cached.get(locale);
  if (!catalog) {
    catalog = readCatalog(locale);
    cached.set(locale, catalog);
  }
  return catalog;
}

/** Only these namespaces of a catalog (what a surface sends to the browser). */
export function pickNamespaces(catalog: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((name) => name in catalog).map((name) => [name, catalog[name]!]));
}
