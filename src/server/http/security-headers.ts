// Issue 15 (headers): the security headers of every response, by surface. The custom server sets
// them (server.ts); a route that sets its own value (the uploads route's sandbox CSP) keeps it.
//
// - every response: X-Content-Type-Options nosniff, Referrer-Policy, Permissions-Policy;
// - member pages (console, settings, sign-in, analytics, invitations, demo store): a strict CSP
//   with a per-request nonce for Next.js's inline scripts, no framing (frame-ancestors 'none' and
//   X-Frame-Options DENY);
// - the widget frame (/widget/frame): the same CSP, framable only by the shop's allowed
//   storefront origins (any when the shop lists none);
// - API responses: nothing may load or frame a JSON answer.
import crypto from "node:crypto";

export type Surface = "page" | "widget-frame" | "api" | "asset";

export const WIDGET_FRAME_PATH = "/widget/frame";

/** Which policy a path gets. Paths are compared as the router sees them. */
export function surfaceOf(pathname: string): Surface {
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  if (pathname.startsWith("/_next/") || pathname === "/widget.js" || pathname === "/favicon.ico") return "asset";
  if (pathname === WIDGET_FRAME_PATH || pathname.startsWith(`${WIDGET_FRAME_PATH}/`)) return "widget-frame";
  return "page";
}

export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // Nothing in the product uses these; fullscreen stays for the chat's video player.
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=(), fullscreen=(self)",
};

/** A fresh, unguessable nonce for one page response. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The pages' CSP. Scripts: our own files and inline scripts carrying this response's nonce (Next.js
 * puts it on its inline bootstrap scripts when it finds it in the request's CSP header); no
 * 'strict-dynamic', so the demo store's plain <script src="/widget.js"> still loads. Styles allow
 * 'unsafe-inline': React style attributes cannot carry a nonce, and a style cannot run code.
 * Images: buyers' and members' avatars may be https URLs elsewhere. Development adds
 * 'unsafe-eval' for React's dev tooling.
 */
export function pageCsp(input: { nonce: string; frameAncestors: string; isDev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${input.nonce}'${input.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${input.frameAncestors}`,
  ].join("; ");
}

/** frame-ancestors for the widget frame: the shop's storefronts (and the demo store here), or any. */
export function widgetFrameAncestors(allowedOrigins: readonly string[]): string {
  return allowedOrigins.length === 0 ? "*" : ["'self'", ...allowedOrigins].join(" ");
}

export interface SurfaceHeaders {
  /** Response headers to add where the handler did not set its own. */
  response: Record<string, string>;
  /** The page CSP as a request header, which is where Next.js reads the nonce from. */
  requestCsp?: string;
}

export function securityHeadersFor(input: { surface: Surface; isDev: boolean; allowedOrigins?: readonly string[]; nonce?: string }): SurfaceHeaders {
  const response: Record<string, string> = { ...COMMON_SECURITY_HEADERS };
  switch (input.surface) {
    case "asset":
      return { response };
    case "api":
      response["content-security-policy"] = "default-src 'none'; frame-ancestors 'none'";
      response["x-frame-options"] = "DENY";
      return { response };
    case "widget-frame": {
      const csp = pageCsp({ nonce: input.nonce ?? createNonce(), frameAncestors: widgetFrameAncestors(input.allowedOrigins ?? []), isDev: input.isDev });
      response["content-security-policy"] = csp;
      return { response, requestCsp: csp };
    }
    case "page": {
      const csp = pageCsp({ nonce: input.nonce ?? createNonce(), frameAncestors: "'none'", isDev: input.isDev });
      response["content-security-policy"] = csp;
      response["x-frame-options"] = "DENY";
      return { response, requestCsp: csp };
    }
  }
}
