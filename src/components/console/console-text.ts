// NF-5: the console's words come from the `console` namespace (messages/<locale>/console.json).
// These pure helpers take its translator, so rules that write text are tested without React.
import { translateServerError, type CatalogTranslate } from "@/components/i18n/server-error-text";

/** A translator of the `console` namespace: next-intl's `t`, or `createTranslator`'s in tests. */
export type ConsoleTranslate = CatalogTranslate;

/**
 * A server's error in the member's language (translateServerError, with the code's sentences in
 * `console.serverErrors`); `fallbackKey` is said when the server gave no text at all.
 */
export function serverErrorText(t: ConsoleTranslate, locale: string, error: { code: string | null | undefined; message: string | null | undefined }, fallbackKey: string): string {
  return translateServerError(t, locale, error, "serverErrors") ?? t(fallbackKey);
}

/** A member's role as the console writes it ("owner"; unknown roles as they are). */
export function roleText(t: ConsoleTranslate, role: string): string {
  return t.has(`roles.${role}`) ? t(`roles.${role}`) : role;
}
