// NF-5: e-mails are written outside a request, so next-intl's request config does not apply:
// each mail takes the recipient's language (the invitee's shop's for an invitation; the
// member's, else the shop's, for a password reset or a verification), and this gives it the
// `email` namespace of that language's catalog (messages/<locale>/email.json).
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, toSupportedLocale, type Locale } from "@/core/i18n/locale";
import { loadMessages } from "@/i18n/messages";

/** The first of the candidates that is a language we ship, else English. */
export function emailLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const locale = toSupportedLocale(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** `t(key, values)` and `t.markup(key, values)` of next-intl, with keys under `email`. */
export interface EmailTranslator {
  (key: string, values?: Record<string, string | number>): string;
  markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
}

export function emailTranslator(locale: Locale): EmailTranslator {
  // The catalog is read from JSON, so its keys are not known to the type checker.
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "email" as never }) as unknown as EmailTranslator;
}

/**
 * When a link expires. English keeps the RFC 1123 form the mails always had
 * ("Sat, 07 Mar 2026 09:00:00 GMT"); other languages get their own long date, in UTC.
 */
export function formatEmailDate(date: Date, locale: Locale): string {
  if (locale === "en") return date.toUTCString();
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(date)} (UTC)`;
}
