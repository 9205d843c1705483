// The /api/v1 sibling of defineMemberRoute (API-1, NF-3): every integration route authenticates
// with a shop API token before anything else, validates path, query and body with zod (400 with
// field errors), maps AppError to its status and never leaks internals. Same response shape as
// member routes: `{ data, ... }` on success, `{ error: { code, message, fieldErrors? } }` on failure.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, isAppError } from "@/core/errors";
import { getDb, type Database } from "@/server/db/client";
import { badInputFromDatabaseError } from "@/server/http/pg-error-codes";
import { publish, type OutgoingEvent } from "@/server/realtime/publish";
import { authenticateApiToken, type ApiTokenContext } from "./authenticate-api-token";
import { parseJsonBody, parseQuery } from "./parse-request";

export const API_VERSION = "1";

type RouteParams = Promise<Record<string, string | string[]>>;
type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** What a handler returns: the JSON body (without `data` wrapping done for it) and the status. */
export interface ApiResult {
  status?: number;
  body: Record<string, unknown>;
  /** Realtime events the change caused, published after the transaction committed. */
  events?: OutgoingEvent[];
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

export function defineApiRoute<TBody extends z.ZodType | undefined = undefined, TQuery extends z.ZodType | undefined = undefined>(
  options: ApiRouteOptions<TBody, TQuery>,
) {
  return async (request: NextRequest, context: { params: RouteParams }): Promise<Response> => {
    try {
      const db = getDb();
      const token = await authenticateApiToken(db, request.headers.get("authorization"));
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
      if (result.events?.length) publishSafely(result.events);
      return apiJson(result.body, result.status ?? 200);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}

export function apiJson(body: unknown, status = 200): Response {
  return NextResponse.json(body, {
    status,
    headers: { "cache-control": "no-store", "x-counterpart-api-version": API_VERSION },
  });
}

export function apiErrorResponse(caught: unknown): Response {
  const error = badInputFromDatabaseError(caught) ?? caught;
  if (isAppError(error)) return apiJson({ error: error.toJSON() }, error.httpStatus);
  const concurrent = asConcurrentWriteError(error);
  if (concurrent) return apiJson({ error: concurrent.toJSON() }, concurrent.httpStatus);
  console.error(error);
  return apiJson({ error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } }, 500);
}

/** A unique violation or serialization failure that survived the service's own handling. */
function asConcurrentWriteError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002" || code === "P2034") {
    return new AppError("CONFLICT", "Another request changed this record at the same moment. Send the request again.");
  }
  return null;
}

function publishSafely(events: OutgoingEvent[]): void {
  try {
    publish(events);
  } catch (error) {
    // The change is committed; a missed live update must not turn it into an error response.
    console.error(error);
  }
}
