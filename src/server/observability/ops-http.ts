// OPS-1..4: the operational HTTP layer in front of Next.js (server.ts). Every request gets a
// request id (a sane incoming x-request-id, or a new one), echoed in the response header and
// carried by its log line with the method, route pattern, status, duration and shop. /healthz,
// /readyz and /metrics are answered here, so they work whatever Next.js's routing does.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@/server/logger";
import { securityHeadersFor } from "@/server/http/security-headers";
import type { Metrics } from "@/server/observability/metrics";
import type { ReadinessProbe } from "@/server/observability/readiness";
import { requestIdFor, runWithRequestContext, type RequestContext } from "@/server/observability/request-context";
import { compileRoutePatterns, COARSE_ROUTES, routeLabel } from "@/server/observability/route-patterns";

type Handle = (req: IncomingMessage, res: ServerResponse) => void;

export const OPS_PATHS = { health: "/healthz", ready: "/readyz", metrics: "/metrics" } as const;
const OPS_PATH_SET = new Set<string>(Object.values(OPS_PATHS));
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// The endpoints answer JSON or text like an API: the API surface's headers (docs/security.md).
const OPS_SECURITY_HEADERS = securityHeadersFor({ surface: "api", isDev: false }).response;

export interface OpsHttpOptions {
  /** What serves everything else (the guarded Next.js handler). */
  handle: Handle;
  log: Logger;
  readiness: ReadinessProbe;
  /** Without metrics, /metrics answers 404. */
  metrics?: Metrics;
  /** The bearer token /metrics asks for; without one, /metrics answers 404. */
  metricsToken?: string;
  /** URL patterns of the app's route files (findRouteFiles). */
  routePatterns: string[];
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Constant-time comparison of the Authorization header with `Bearer <token>`. */
function hasBearer(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function pathnameOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

export function createOpsHttpHandler(options: OpsHttpOptions): Handle {
  const routes = compileRoutePatterns(options.routePatterns);

  async function answerOps(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use GET." } });
    if (pathname === OPS_PATHS.health) return sendJson(res, 200, { status: "ok" });
    if (pathname === OPS_PATHS.ready) {
      const readiness = await options.readiness.check();
      return sendJson(res, readiness.status === "ready" ? 200 : 503, readiness);
    }
    if (!options.metrics || !options.metricsToken) return sendJson(res, 404, { error: { code: "NOT_FOUND", message: "Not found." } });
    if (!hasBearer(req, options.metricsToken)) {
      res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      return sendJson(res, 401, { error: { code: "UNAUTHENTICATED", message: "A valid metrics token is required." } });
    }
    const { contentType, body } = await options.metrics.scrape();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(body);
  }

  return (req, res) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { reqId: requestIdFor(req.headers["x-request-id"]) };
    res.setHeader("x-request-id", context.reqId);
    const pathname = pathnameOf(req);
    const isOps = OPS_PATH_SET.has(pathname);
    const route = isOps ? pathname : routeLabel(routes, pathname);
    const method = KNOWN_METHODS.has(req.method ?? "") ? req.method! : "OTHER";
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      options.metrics?.observeHttp({ method, route, status, seconds });
      const fields = { reqId: context.reqId, method, route, status, durationMs: Math.round(seconds * 1000 * 10) / 10, ...(context.shopId ? { shopId: context.shopId } : {}) };
      // Probes, scrapes and static assets are frequent and say little: debug level.
      if (isOps || route === COARSE_ROUTES.nextAsset) options.log.debug("request", fields);
      else options.log.info("request", fields);
    });
    runWithRequestContext(context, () => {
      if (!isOps) return options.handle(req, res);
      for (const [name, value] of Object.entries(OPS_SECURITY_HEADERS)) res.setHeader(name, value);
      answerOps(pathname, req, res).catch((error: unknown) => {
        options.log.error("operations endpoint failed", error, { reqId: context.reqId, route });
        if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: "Something went wrong on our side." } });
      });
    });
  };
}
