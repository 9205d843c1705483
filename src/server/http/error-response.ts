// The one mapping from a thrown error to an HTTP answer, used by every route definer (member
// routes, public routes, /api/v1): an AppError answers its status with
// `{ error: { code, message, fieldErrors? } }` (and Retry-After when it is a rate limit); a unique
// violation or a serialization failure that survived the service's own handling is a 409
// CONFLICT the client may retry; anything else is a 500 INTERNAL that names no internals.
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

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Nothing was changed.";
export const CONFLICT_ERROR_MESSAGE = "Another request changed this record at the same moment. Send the request again.";

// Prisma's codes: P2002 unique constraint, P2034 write conflict or deadlock (serialization).
const CONCURRENT_WRITE_CODES = new Set(["P2002", "P2034"]);
// With the pg driver adapter, a serialization failure at COMMIT and a failed raw query surface
// as the adapter's own error (or P2010 wrapping it), carrying the kind it mapped PostgreSQL's
// SQLSTATE to (23505 unique, 40001 serialization, 40P01 deadlock).
const CONCURRENT_WRITE_KINDS = new Set(["UniqueConstraintViolation", "TransactionWriteConflict"]);

interface MaybeDatabaseError {
  code?: unknown;
  cause?: { kind?: unknown };
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

/** A unique violation or serialization failure that survived the service's own handling. */
export function isConcurrentWriteError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, cause, meta } = error as MaybeDatabaseError;
  if (typeof code === "string" && CONCURRENT_WRITE_CODES.has(code)) return true;
  const kind = cause?.kind ?? meta?.driverAdapterError?.cause?.kind;
  return typeof kind === "string" && CONCURRENT_WRITE_KINDS.has(kind);
}

/** The AppError a thrown value stands for, or null when it is unexpected (a bug or an outage). */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isConcurrentWriteError(error)) return new AppError("CONFLICT", CONFLICT_ERROR_MESSAGE);
  // NF-3: a value PostgreSQL refuses as data (NUL, an unstorable date, beyond int4) is bad input.
  return badInputFromDatabaseError(error);
}

export function errorResponse(error: unknown, init: { headers?: Record<string, string> } = {}): Response {
  const headers: Record<string, string> = { ...init.headers };
  const known = toAppError(error);
  if (!known) {
    console.error(error);
    return NextResponse.json({ error: { code: "INTERNAL", message: INTERNAL_ERROR_MESSAGE } }, { status: 500, headers });
  }
  if (known instanceof RateLimitedError) headers["retry-after"] = String(known.retryAfterSeconds);
  return NextResponse.json({ error: known.toJSON() }, { status: known.httpStatus, headers });
}
