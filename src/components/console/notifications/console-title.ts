// CONSOLE-8: the console's tab title, with the unread badge in front: "(3) Console · Shop · Counterpart".
// Shared by the page's metadata (server) and the live badge (browser); the words are
// `console.title` in the member's language (NF-5).

/** A translator of `console.title` (next-intl's `t` from useTranslations or getTranslations). */
export type TitleTranslate = (key: "base" | "withBadge", values: Record<string, string>) => string;

export function consoleTitle(t: TitleTranslate, shopName: string, unread: number): string {
  const base = t("base", { shop: shopName });
  return unread > 0 ? t("withBadge", { badge: unread > 99 ? "99+" : String(unread), title: base }) : base;
}
