// NF-3 (issue 15): the one way a route reads a JSON body. It reads the stream chunk by chunk and
// stops with 413 the moment the body passes the route's limit (never `request.json()`, which
// reads everything first); it refuses a body that is not declared as JSON when asked to (the
// CSRF rule of cookie-authenticated routes: a cross-site form or a `text/plain` fetch cannot send
// `application/json` without a preflight, see docs/security.md); it parses, then validates with zod.
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { zodFieldErrors } from "@/shared/validation";

/** Member routes: settings, quick replies, review words. The server-wide guard uses the same figure. */
export const DEFAULT_JSON_LIMIT_BYTES = 256 * 1024;

export interface ReadJsonOptions {
  maxBytes?: number;
  /** What a 413 says (default: the limit). */
  tooLargeMessage?: string;
  /** Refuse (415) a body whose Content-Type is not application/json. */
  requireJsonType?: boolean;
}

function describe(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number, message?: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", message ?? `The request body is larger than ${describe(maxBytes)}.`);
}

/** "application/json", with or without parameters (charset); nothing else. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  return value.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/** The body's text, read as it arrives and abandoned once it passes `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number, tooLargeMessage?: string): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes, tooLargeMessage);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, tooLargeMessage);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_INPUT", "The request body could not be read.");
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads, parses and validates a JSON body: 413 over the limit, 415 not JSON (when required), 400 invalid. */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, options: ReadJsonOptions = {}): Promise<z.infer<T>> {
  if (options.requireJsonType && !isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readBodyText(request, options.maxBytes ?? DEFAULT_JSON_LIMIT_BYTES, options.tooLargeMessage);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("BAD_INPUT", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
  return parsed.data;
}
