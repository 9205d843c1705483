// NF-5: the console's words come from the `console` namespace (messages/<locale>/console.json).
// These pure helpers take its translator, so rules that write text are tested without React.
import { DEFAULT_LOCALE } from "@/core/i18n/locale";

/** A translator of the `console` namespace: next-intl's `t`, or `createTranslator`'s in tests. */
export interface ConsoleTranslate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * A server's error in the member's language. The server writes its reasons in English, more
 * precisely than a code can say: English readers read them as sent, others read the code's
 * sentence (`console.serverErrors`), and an unknown code keeps the server's text.
 * `fallbackKey` is said when the server gave no text at all.
 */
export function serverErrorText(t: ConsoleTranslate, locale: string, error: { code: string | null | undefined; message: string | null | undefined }, fallbackKey: string): string {
  const message = error.message?.trim() ? error.message : null;
  if (locale === DEFAULT_LOCALE && message) return message;
  const key = `serverErrors.${error.code}`;
  if (error.code && t.has(key)) return t(key);
  return message ?? t(fallbackKey);
}

/** A member's role as the console writes it ("owner"; unknown roles as they are). */
export function roleText(t: ConsoleTranslate, role: string): string {
  return t.has(`roles.${role}`) ? t(`roles.${role}`) : role;
}
