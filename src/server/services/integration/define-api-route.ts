// The /api/v1 sibling of defineMemberRoute (API-1, NF-3): every integration route authenticates
// with a shop API token before anything else, validates path, query and body with zod (400 with
// field errors) and answers errors through error-response.ts, the mapping every route definer
// shares. Same response shape as member routes: `{ data, ... }` on success,
// `{ error: { code, message, fieldErrors? } }` on failure.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getDb, type Database } from "@/server/db/client";
import { sharedRateLimiter } from "@/server/rate-limit/shared-rate-limiter";
import { errorResponse, RateLimitedError } from "@/server/http/error-response";
import { applyServiceResult } from "@/server/services/apply-service-result";
import type { ServiceEvent } from "@/server/services/service-result";
import { authenticateApiToken, type ApiTokenContext } from "./authenticate-api-token";
import { parseJsonBody, parseQuery } from "./parse-request";
import { noteRequestShop } from "@/server/observability/request-context";

export const API_VERSION = "1";

type RouteParams = Promise<Record<string, string | string[]>>;
type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** What a handler returns: the JSON body (without `data` wrapping done for it) and the status. */
export interface ApiResult {
  status?: number;
  body: Record<string, unknown>;
  /** Realtime events the change caused, published after the transaction committed. */
  events?: ServiceEvent[];
  /** Shops whose queue to drain after the events (apply-service-result.ts). */
  drain?: string[];
  /** A finished response that is not JSON (the FAQ CSV export); `body` is then ignored. */
  raw?: Response;
}

interface ApiRouteOptions<TBody extends z.ZodType | undefined, TQuery extends z.ZodType | undefined> {
  /** Always "token": /api/v1 is never reachable with a member session (docs/permissions.md). */
  auth: "token";
  body?: TBody;
  query?: TQuery;
  handler: (context: {
    token: ApiTokenContext;
    db: Database;
    body: Parsed<TBody>;
    query: Parsed<TQuery>;
    params: Record<string, string | string[]>;
    request: NextRequest;
  }) => Promise<ApiResult>;
}

/**
 * NF-3 (issue 15): requests per API token per minute, across app nodes with Redis (docs/api.md "Limits"). An
 * integration that loops cannot starve the shop's console of database time.
 */
export const API_TOKEN_RATE_LIMIT = { limit: 600, windowMs: 60_000 };
const tokenLimiter = sharedRateLimiter("api-token", API_TOKEN_RATE_LIMIT);

export function defineApiRoute<TBody extends z.ZodType | undefined = undefined, TQuery extends z.ZodType | undefined = undefined>(
  options: ApiRouteOptions<TBody, TQuery>,
) {
  return async (request: NextRequest, context: { params: RouteParams }): Promise<Response> => {
    try {
      const db = getDb();
      const token = await authenticateApiToken(db, request.headers.get("authorization"));
      noteRequestShop(token.shopId); // OPS-4: the request's log line names the shop
      const waitMs = await tokenLimiter.hit(token.tokenId);
      if (waitMs > 0) throw new RateLimitedError(`Too many requests with this API token. Try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
      const params = (await context.params) ?? {};
      const query = options.query ? parseQuery(request, options.query) : undefined;
      const body = options.body ? await parseJsonBody(request, options.body) : undefined;
      const result = await options.handler({
        token,
        db,
        body: body as Parsed<TBody>,
        query: query as Parsed<TQuery>,
        params,
        request,
      });
      await applyServiceResult(db, { data: undefined, events: result.events ?? [], drain: result.drain ?? [] });
      if (result.raw) return result.raw;
      return apiJson(result.body, result.status ?? 200);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}

const API_HEADERS = { "cache-control": "no-store", "x-counterpart-api-version": API_VERSION };

export function apiJson(body: unknown, status = 200): Response {
  return NextResponse.json(body, { status, headers: API_HEADERS });
}

export function apiErrorResponse(error: unknown): Response {
  return errorResponse(error, { headers: API_HEADERS });
}
