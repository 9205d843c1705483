// NF-5: next-intl's request configuration (without i18n routing: no locale in the URL). The
// locale comes from who is asking — the signed-in member's language on the console, the
// storefront's or the browser's on the widget frame (src/core/i18n/locale.ts) — and the
// messages are every namespace of messages/<locale>/ (messages.ts).
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isSupportedLocale, resolveConsoleLocale, resolveWidgetLocale, type Locale } from "@/core/i18n/locale";
import { getCurrentMember } from "@/server/http/current-member";
import { WIDGET_LOCALE_AUTO, WIDGET_LOCALE_HEADER } from "@/server/http/widget-locale-header";
import { loadMessages } from "./messages";

/** The namespaces the widget frame sends to the browser: it needs none of the console's. */
export const WIDGET_NAMESPACES = ["common", "emoji", "widget"] as const;

/** Whether this request renders the widget frame (server.ts stamps its language header). */
export async function isWidgetFrameRequest(): Promise<boolean> {
  return (await headers()).get(WIDGET_LOCALE_HEADER) !== null;
}

async function requestLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const acceptLanguage = requestHeaders.get("accept-language");
  const widgetChoice = requestHeaders.get(WIDGET_LOCALE_HEADER);
  if (widgetChoice !== null) {
    return resolveWidgetLocale({ storefrontChoice: widgetChoice === WIDGET_LOCALE_AUTO ? null : widgetChoice, acceptLanguage });
  }
  const member = await getCurrentMember();
  return resolveConsoleLocale({
    memberLanguage: member?.defaultLanguage ?? null,
    shopLanguage: member?.shopDefaultLanguage ?? null,
    acceptLanguage,
  });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (getTranslations({ locale })) wins, when it is one we ship.
  const locale = isSupportedLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: loadMessages(locale) };
});
