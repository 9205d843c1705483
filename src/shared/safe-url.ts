// Links and image addresses that a shop or a buyer hands us and that we later put in an href or
// a src (product cards, avatars). Two forms only:
//   - an absolute http: or https: URL;
//   - a same-site path: one "/" not followed by another "/" or a "\" (browsers read "//host"
//     and "/\host" as another host), e.g. "/products/oolong".
// Anything else (javascript:, data:, relative "x/y", control characters or spaces that the URL
// parser would silently drop, as in "/\t/evil.example") is refused. Used by the zod schemas
// where links enter and by the components that render them, for rows stored before this rule.
import { z } from "zod";

export const SAFE_URL_MESSAGE = "Use an http(s) URL or a path starting with /.";

const SAME_SITE_BASE = "https://same-site.invalid";

export function isSafeUrl(value: string): boolean {
  // Space, controls and DEL: the URL parser strips tabs and newlines anywhere, which turns
  // "/\n/evil.example" into "//evil.example".
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || /[\u0000-\u0020\u007f]/.test(value)) return false;
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  }
  if (value[0] !== "/" || value[1] === "/" || value[1] === "\\") return false;
  // Belt and braces: the path must resolve on the same origin.
  return URL.canParse(value, SAME_SITE_BASE) && new URL(value, SAME_SITE_BASE).origin === SAME_SITE_BASE;
}

/** An href or src that is safe to render, else null (render-time guard for stored values). */
export function safeUrlOrNull(value: string | null | undefined): string | null {
  return typeof value === "string" && isSafeUrl(value) ? value : null;
}

/** A link or image address as it enters: trimmed, at most `max` characters, http(s) or a same-site path. */
export function ZSafeUrl(max = 2000) {
  return z.string().trim().max(max, `At most ${max} characters.`).refine(isSafeUrl, SAFE_URL_MESSAGE);
}
