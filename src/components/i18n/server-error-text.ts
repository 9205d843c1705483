// NF-5: the one rule for a server's error in the reader's language, for every surface (widget,
// console, chat window, workbench, automation settings). The server writes its reasons in
// English, more precisely than a code can say: an English reader reads them as sent; a reader in
// another language reads the catalog's sentence for the error's code, and the server's own text
// only for a code the catalog does not know. Pure: it takes next-intl's translator.
import { DEFAULT_LOCALE } from "@/core/i18n/locale";

/** A translator of one namespace: next-intl's `t`, or `createTranslator`'s in tests. */
export interface CatalogTranslate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * The error's sentence, with the code's sentences under `codeKeys` (`serverErrors.<CODE>`), or
 * null when there is nothing to say (no text and no known code): the caller's fallback then.
 */
export function translateServerError(
  t: CatalogTranslate,
  locale: string,
  error: { code?: string | null; message?: string | null },
  codeKeys: string,
): string | null {
  const message = error.message?.trim() ? error.message : null;
  if (locale === DEFAULT_LOCALE && message) return message;
  const key = `${codeKeys}.${error.code}`;
  if (error.code && t.has(key)) return t(key);
  return message;
}
