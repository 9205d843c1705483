// Issue 15: what the custom server does with every HTTP request before Next.js sees it. The body
// is bounded (body-limit.ts) and the security headers of the request's surface are added to the
// response (security-headers.ts); Socket.IO's requests never come here (engine.io answers them).
import type { IncomingMessage, ServerResponse } from "node:http";
import { guardRequestBody } from "@/server/http/body-limit";
import { stampPeerAddress } from "@/server/http/client-address";
import { createNonce, securityHeadersFor, surfaceOf, type SurfaceHeaders } from "@/server/http/security-headers";
import { stampWidgetLocale } from "@/server/http/widget-locale-header";
import { callService } from "@/server/services/call-service";
import { loadAllowedOriginsByPublicKey } from "@/server/services/shop/allowed-origins";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Adds `headers` when the response is written, unless the handler set its own value. */
function addMissingHeadersOnWrite(res: ServerResponse, headers: Record<string, string>): void {
  const writeHead = res.writeHead;
  res.writeHead = function patchedWriteHead(this: ServerResponse, ...args: unknown[]) {
    const explicit = args.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) as Record<string, unknown> | undefined;
    const explicitNames = new Set(Object.keys(explicit ?? {}).map((name) => name.toLowerCase()));
    for (const [name, value] of Object.entries(headers)) {
      if (!res.hasHeader(name) && !explicitNames.has(name)) res.setHeader(name, value);
    }
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

function parseRequestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? "/", "http://localhost");
  } catch {
    return null;
  }
}

async function headersFor(req: IncomingMessage, isDev: boolean): Promise<SurfaceHeaders> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    return securityHeadersFor({ surface: "page", isDev });
  }
  const surface = surfaceOf(url.pathname);
  if (surface !== "widget-frame") return securityHeadersFor({ surface, isDev, nonce: surface === "page" ? createNonce() : undefined });
  const key = url.searchParams.get("key") ?? "";
  const shop = key ? await callService(loadAllowedOriginsByPublicKey, key).catch(() => null) : null;
  return securityHeadersFor({ surface, isDev, allowedOrigins: shop?.allowedOrigins ?? [], nonce: createNonce() });
}

export function createGuardedHandler(input: { handle: Handle; isDev: boolean; log?: (message: string, error: unknown) => void }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    stampPeerAddress(req); // NF-3: route handlers key per-address limits by the real peer
    const url = parseRequestUrl(req);
    stampWidgetLocale(req, url, url !== null && surfaceOf(url.pathname) === "widget-frame"); // NF-5
    if (!guardRequestBody(req, res)) return;
    void headersFor(req, input.isDev)
      .then((headers) => {
        addMissingHeadersOnWrite(res, headers.response);
        // Next.js takes the nonce for its inline scripts from the request's CSP header.
        if (headers.requestCsp) req.headers["content-security-policy"] = headers.requestCsp;
        return input.handle(req, res);
      })
      .catch((error: unknown) => {
        input.log?.("request failed", error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      });
  };
}
