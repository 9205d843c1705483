// An origin as browsers send it in the Origin header and CSP's frame-ancestors names it:
// scheme, host and port only. Shared by the shop settings form, the settings schema and the
// server's origin checks (issue 15), so all three agree on what "https://shop.example" means.

/** "https://shop.example:8443" for an http(s) URL with no path, query or credentials; else null. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim().replace(/\/+$/, ""));
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}
