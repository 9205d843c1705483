// Field primitives every input schema builds on (NF-3): text, dates and numbers that PostgreSQL
// can store, so hostile input is a 400 / BAD_INPUT with a field error instead of a database
// error and a 500. PostgreSQL refuses NUL in text (22021), years outside 1..9999 after the zone
// is applied in timestamps (22007/22008) and integers above 2^31-1 in int4 columns (22003).
// Shared by the browser forms and the server, so both sides give the same message.
import { z } from "zod";

// ─── Text ────────────────────────────────────────────────────────────────────

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;
/** A high surrogate without its low half, or a low one without its high half: not Unicode text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- C0 controls and DEL, tab/newline/CR included
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;

export const TEXT_MESSAGES = {
  nul: "Must not contain the NUL character (\\u0000).",
  surrogate: "Must be valid Unicode text (it holds half of a character).",
  control: "Must not contain control characters such as line breaks or tabs.",
} as const;

/** Why a string cannot be stored as text, or null when it can. */
export function unstorableTextReason(value: string, options: { singleLine?: boolean } = {}): string | null {
  if (NUL.test(value)) return TEXT_MESSAGES.nul;
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (options.singleLine && LINE_CONTROLS.test(value)) return TEXT_MESSAGES.control;
  return null;
}

/**
 * Free text (message bodies, descriptions, notes): anything but NUL and lone surrogates.
 * Tab, newline and the other controls are kept: people paste them, PostgreSQL stores them.
 */
export function safeText() {
  return z
    .string()
    .refine((value) => !NUL.test(value), TEXT_MESSAGES.nul)
    .refine((value) => !LONE_SURROGATE.test(value), TEXT_MESSAGES.surrogate);
}

/** One-line text (names, codes, ids, search terms, links): also no C0 control characters or DEL. */
export function safeLine() {
  return safeText().refine((value) => !LINE_CONTROLS.test(value), TEXT_MESSAGES.control);
}

// ─── Dates ───────────────────────────────────────────────────────────────────

/**
 * The instants the product stores: from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, in UTC
 * after the offset is applied. PostgreSQL's timestamp goes further back, but no order, event or
 * voucher predates the epoch, and `9999-12-31T23:59:59-14:00` is year 10000 in UTC, which
 * JavaScript writes as "+010000-..." and PostgreSQL cannot read.
 */
export const STORABLE_DATE_MIN_MS = Date.UTC(1970, 0, 1);
export const STORABLE_DATE_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const STORABLE_DATE_MESSAGE = "Use a date-time between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.";

export function isStorableEpochMs(ms: number): boolean {
  return Number.isFinite(ms) && ms >= STORABLE_DATE_MIN_MS && ms <= STORABLE_DATE_MAX_MS;
}

/** An RFC 3339 date-time with a zone (2026-01-31T09:30:00Z, 2026-01-31T17:30:00+08:00) that PostgreSQL stores. */
export function storableDate(message = "Use an ISO 8601 date-time with a zone, e.g. 2026-01-31T09:30:00Z.") {
  return z.iso.datetime({ offset: true, message }).refine((value) => isStorableEpochMs(Date.parse(value)), STORABLE_DATE_MESSAGE);
}

// ─── Numbers ─────────────────────────────────────────────────────────────────

/** PostgreSQL `integer` (int4): what every Int column of the schema holds. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** A whole number an int4 column stores; `min` defaults to 0 (counts, amounts, positions). */
export function int4(options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  const max = Math.min(options.max ?? INT4_MAX, INT4_MAX);
  return z.number("Enter a whole number.").int("Enter a whole number.").min(Math.max(min, INT4_MIN), `At least ${min}.`).max(max, `At most ${max}.`);
}

/** A message sequence number (CHAT-3): 0..2147483647, as Message.seq is an int4. */
export function seqNumber(options: { min?: number } = {}) {
  return int4({ min: options.min ?? 0 });
}

/** The same from a query-string parameter ("?afterSeq=10"). */
export function seqNumberParam(options: { min?: number } = {}) {
  const min = options.min ?? 0;
  return z.coerce.number("Enter a whole number.").int("Enter a whole number.").min(min, `At least ${min}.`).max(INT4_MAX, `At most ${INT4_MAX}.`);
}
