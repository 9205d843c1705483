// Routes without a member session (the widget's and the uploads' routes authenticate otherwise):
// the same error mapping as defineMemberRoute, so every route answers `{ data }` or
// `{ error: { code, message, fieldErrors } }` with the AppError's status and never leaks internals.
import { NextResponse } from "next/server";
import { AppError, isAppError } from "@/core/errors";
import { badInputFromDatabaseError } from "@/server/http/pg-error-codes";

/** A 429 that also tells the client when to try again (Retry-After). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, waitMs: number) {
    super("RATE_LIMITED", message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  }
}

export async function respondJson(run: () => Promise<unknown>, init: { headers?: Record<string, string> } = {}): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return NextResponse.json({ data: result ?? null }, { headers: init.headers });
  } catch (caught) {
    const error = badInputFromDatabaseError(caught) ?? caught;
    if (isAppError(error)) {
      const headers: Record<string, string> = { ...init.headers };
      if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
      return NextResponse.json({ error: error.toJSON() }, { status: error.httpStatus, headers });
    }
    console.error(error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } }, { status: 500, headers: init.headers });
  }
}

/** The client's address for per-IP limits: the first X-Forwarded-For hop, else X-Real-IP. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
