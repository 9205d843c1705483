// NF-5: which of the product's languages a page is shown in. Pure rules, no framework: the
// request config (src/i18n/request.ts) feeds them what it knows about the request.
//
//   console, settings, analytics: the signed-in member's default language (SET-1, TEAM-2), else
//     the shop's, else the browser's (Accept-Language), else English;
//   widget: the storefront's explicit choice (data-lang on the embed tag, `lang` in the frame's
//     query), else the browser's (Accept-Language of the frame request, which the browser fills
//     from navigator.languages), else English.
// Only supported locales come out; a language the product does not ship is skipped.

export const SUPPORTED_LOCALES = ["en", "es"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** A BCP 47 tag's supported locale by its primary language ("es-MX" → "es"), or null. */
export function toSupportedLocale(tag: string | null | undefined): Locale | null {
  if (typeof tag !== "string") return null;
  const primary = tag.trim().split(/[-_]/, 1)[0]!.toLowerCase();
  return (SUPPORTED_LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : null;
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** An Accept-Language header's language tags, most preferred first (q=0 left out; at most 20). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries = header.slice(0, 1_000).split(",").slice(0, 20).flatMap((part, index) => {
    const [tag = "", ...params] = part.trim().split(";");
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!tag || tag === "*" || !Number.isFinite(q) || q <= 0) return [];
    return [{ tag: tag.trim(), q, index }];
  });
  // Stable: equal weights keep the browser's order.
  return entries.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag);
}

/** The first supported locale the browser asks for, or null. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  for (const tag of parseAcceptLanguage(header)) {
    const locale = toSupportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}

export interface ConsoleLocaleInput {
  /** The signed-in member's default language (SET-1); null when nobody is signed in. */
  memberLanguage: string | null;
  /** The shop's language (SHOP-1), of the signed-in member's shop. */
  shopLanguage: string | null;
  acceptLanguage: string | null;
}

export function resolveConsoleLocale(input: ConsoleLocaleInput): Locale {
  return toSupportedLocale(input.memberLanguage) ?? toSupportedLocale(input.shopLanguage) ?? localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

export interface WidgetLocaleInput {
  /** What the storefront asked for (data-lang / the `lang` query parameter), if anything. */
  storefrontChoice: string | null;
  acceptLanguage: string | null;
}

export function resolveWidgetLocale(input: WidgetLocaleInput): Locale {
  return toSupportedLocale(input.storefrontChoice) ?? localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
