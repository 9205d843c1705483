// NF-5: the widget frame's language choice, handed from the custom server to the i18n request
// config (src/i18n/request.ts), which cannot see a page's URL. Like the peer-address header it
// is removed from every request first, so a client cannot send its own; on the widget frame it
// carries the storefront's `lang` query parameter (data-lang on the embed tag), or "auto".
import type { IncomingMessage } from "node:http";

export const WIDGET_LOCALE_HEADER = "x-counterpart-widget-locale";
/** The widget frame was asked for no language: the browser's is used. */
export const WIDGET_LOCALE_AUTO = "auto";

export function stampWidgetLocale(req: IncomingMessage, url: URL | null, isWidgetFrame: boolean): void {
  delete req.headers[WIDGET_LOCALE_HEADER];
  if (!isWidgetFrame) return;
  const requested = url?.searchParams.get("lang") ?? "";
  // A language tag is short letters, digits and hyphens; anything else counts as no choice.
  req.headers[WIDGET_LOCALE_HEADER] = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/.test(requested) ? requested : WIDGET_LOCALE_AUTO;
}
