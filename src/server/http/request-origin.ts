// Issue 15 (CSRF and origins, NF-3, WIDGET-1): which origin a browser request comes from, and
// whether we accept it. Pure functions over header values, so HTTP routes, the custom server and
// the Socket.IO handshake apply one rule (docs/security.md, "CSRF and origins").
//
// The app's own origin is the one in PUBLIC_URL when configured, or any origin whose host and
// port equal the request's Host header (the browser sets Host; a page elsewhere, including
// another port of the same host, cannot make a victim's browser send a matching Origin).
import { AppError } from "@/core/errors";
import { normalizeOrigin } from "@/shared/origin";

export interface OriginHeaders {
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  host: string | null | undefined;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

function parseOrigin(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function matchesHost(origin: URL, host: string): boolean {
  const hostUrl = parseOrigin(`${origin.protocol}//${host}`);
  if (!hostUrl) return false;
  const port = (url: URL) => url.port || DEFAULT_PORTS[url.protocol];
  return hostUrl.hostname === origin.hostname && port(hostUrl) === port(origin);
}

/** Whether `origin` (an Origin header value) is the app's own. */
export function isOwnOrigin(origin: string, host: string | null | undefined, publicUrl: string | undefined): boolean {
  const url = parseOrigin(origin);
  if (!url) return false;
  if (publicUrl) {
    const own = parseOrigin(publicUrl);
    if (own && own.origin === url.origin) return true;
  }
  return Boolean(host) && matchesHost(url, host!);
}

/**
 * CSRF rule for cookie-authenticated state changes: an Origin must be our own ("null" never is);
 * without an Origin, Sec-Fetch-Site must say same-origin (or "none": typed by the user). A request
 * with neither header does not come from a browser that could be tricked (every current browser
 * sends Origin on a non-GET request), so it is accepted: curl, integration clients, tests.
 */
export function checkSameOrigin(headers: OriginHeaders, publicUrl: string | undefined): OriginVerdict {
  const origin = headers.origin?.trim();
  if (origin) {
    return isOwnOrigin(origin, headers.host, publicUrl) ? { ok: true } : { ok: false, reason: `Requests from ${origin} are not accepted here.` };
  }
  const site = headers.secFetchSite?.trim().toLowerCase();
  if (!site || site === "same-origin" || site === "none") return { ok: true };
  return { ok: false, reason: "Cross-site requests are not accepted here." };
}

/**
 * WIDGET-1: the widget's endpoints accept the app's own origin (the widget frame is served from
 * here, and which pages may frame it is the frame's CSP), the shop's allowed storefront origins,
 * and any origin when the shop lists none. No Origin means no cross-origin browser call.
 */
export function checkWidgetOrigin(headers: OriginHeaders, allowedOrigins: readonly string[], publicUrl: string | undefined): OriginVerdict {
  const origin = headers.origin?.trim();
  if (!origin) return checkSameOrigin(headers, publicUrl);
  if (allowedOrigins.length === 0 || isOwnOrigin(origin, headers.host, publicUrl)) return { ok: true };
  const normalized = normalizeOrigin(origin);
  if (normalized && allowedOrigins.includes(normalized)) return { ok: true };
  return { ok: false, reason: "This shop's chat is not enabled on this website." };
}

/** The header values from a Web Request (route handlers); the URL's host stands in for a missing Host. */
export function originHeadersOf(request: Request): OriginHeaders {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  return { origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site"), host };
}

/** The header values from Node's IncomingHttpHeaders (custom server, Socket.IO handshake). */
export function originHeadersOfNode(headers: Record<string, string | string[] | undefined>): OriginHeaders {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return { origin: one(headers.origin), secFetchSite: one(headers["sec-fetch-site"]), host: one(headers.host) };
}

/** PUBLIC_URL as configured (read here so callers need not parse the whole configuration). */
export function configuredPublicUrl(): string | undefined {
  const value = process.env.PUBLIC_URL?.trim();
  return value ? value : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** CSRF (issue 15): a cookie-authenticated state change from another origin is refused with 403. */
export function assertSameOriginRequest(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const verdict = checkSameOrigin(originHeadersOf(request), configuredPublicUrl());
  if (!verdict.ok) throw new AppError("FORBIDDEN", verdict.reason);
}
