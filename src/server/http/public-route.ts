// Routes without a member session (the widget's and the uploads' routes authenticate otherwise):
// the same error mapping as defineMemberRoute (error-response.ts), so every route answers `{ data }` or
// `{ error: { code, message, fieldErrors } }` with the AppError's status and never leaks internals.
import { NextResponse } from "next/server";
import { errorResponse } from "@/server/http/error-response";

export { RateLimitedError } from "@/server/http/error-response";

export async function respondJson(run: () => Promise<unknown>, init: { headers?: Record<string, string> } = {}): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return NextResponse.json({ data: result ?? null }, { headers: init.headers });
  } catch (error) {
    return errorResponse(error, init);
  }
}

/** The client's address for per-IP limits: the first X-Forwarded-For hop, else X-Real-IP. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
