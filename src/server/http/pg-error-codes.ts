// The second line of defence behind the zod schemas (NF-3): a value PostgreSQL refuses as data
// (NUL in text, a date it cannot store, an integer beyond int4) is the client's mistake, so it
// answers 400 / BAD_INPUT, never a 500 or an INTERNAL ack. Every error responder (member routes,
// public routes, /api/v1, socket acknowledgements) calls this before treating an error as ours.
// Duck-typed over Prisma's errors so that this module stays free of the generated client.
import { AppError } from "@/core/errors";

/** SQLSTATE codes of class 22 ("data exception") that a client's value can cause. */
export const PG_BAD_INPUT_CODES: Readonly<Record<string, string>> = {
  "22001": "A text is longer than the field allows.",
  "22003": "A number is out of range.",
  "22007": "A date-time is not valid.",
  "22008": "A date-time is out of range.",
  "22009": "A date-time's zone offset is out of range.",
  "22021": "A text contains a character that cannot be stored (such as NUL, \\u0000).",
  "22P02": "A value is not in the expected format.",
  "22P05": "A text contains a character that cannot be stored.",
};

/** The SQLSTATE inside an error from Prisma's pg driver adapter (or from pg itself), if any. */
export function postgresCodeOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["originalCode", "code"]) {
      const value = record[key];
      if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
    }
    const meta = record.meta as Record<string, unknown> | undefined;
    queue.push(record.cause, meta?.driverAdapterError, meta?.cause);
  }
  return null;
}

/** BAD_INPUT for a database error the request's data caused; null for anything else. */
export function badInputFromDatabaseError(error: unknown): AppError | null {
  const code = postgresCodeOf(error);
  if (!code || !(code in PG_BAD_INPUT_CODES)) return null;
  return new AppError("BAD_INPUT", `Some fields are not valid. ${PG_BAD_INPUT_CODES[code]}`);
}
