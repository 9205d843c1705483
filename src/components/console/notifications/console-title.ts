// CONSOLE-8: the console's tab title, with the unread badge in front: "(3) Console · Shop · Counterpart".
// Shared by the page's metadata (server) and the live badge (browser).

export function consoleTitle(shopName: string, unread: number): string {
  const base = `Console · ${shopName} · Counterpart`;
  return unread > 0 ? `(${unread > 99 ? "99+" : unread}) ${base}` : base;
}
