// Request parsing shared by the token-authenticated /api/v1 routes and the workbench member
// routes: JSON bodies and query strings validated by zod, failures as BAD_INPUT with field
// errors (HTTP 400, NF-3), never an exception that reaches the client as a 500.
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { readJsonBody } from "@/server/http/read-json-body";
import { zodFieldErrors } from "@/shared/validation";

/** Integration payloads are records, not uploads: anything larger is a mistake. */
export const MAX_JSON_BODY_BYTES = 1_000_000;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return readJsonBody(request, schema, {
    maxBytes: MAX_JSON_BODY_BYTES,
    tooLargeMessage: `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes. Send fewer records per request.`,
  });
}

export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) query[key] = value;
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Some query parameters are not valid.", zodFieldErrors(parsed.error));
  return parsed.data;
}

/** A path id that is not a uuid cannot name a record: answer 404 rather than ask the database. */
export function requireUuidParam(params: Record<string, string | string[]>, name: string, what: string): string {
  const value = params[name];
  if (typeof value !== "string" || !UUID_PATTERN.test(value)) throw new AppError("NOT_FOUND", `This ${what} does not exist.`);
  return value.toLowerCase();
}

export function requireTextParam(params: Record<string, string | string[]>, name: string, what: string): string {
  const value = params[name];
  if (typeof value !== "string" || value.length === 0 || value.length > 100) throw new AppError("NOT_FOUND", `This ${what} does not exist.`);
  return value;
}
