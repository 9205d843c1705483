// Hostile leaf values for the fuzz suite (NF-3, issue 15 item 8): the inputs that once gave a 500
// (NUL, lone surrogates, dates PostgreSQL cannot store, integers beyond int4) and the usual
// suspects (wrong types, oversize text, deep nesting, prototype keys, path tricks).
import fc from "fast-check";

/** Dates that JavaScript parses and PostgreSQL refuses, or that are not dates at all. */
export const EXTREME_DATES = [
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59-14:00",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "2026-02-30T10:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-01-31T25:61:61Z",
  "2026-01-31T09:30:00+99:99",
  "2026-01-31",
  "now",
] as const;

/** Numbers around the int4 boundary and beyond what any column holds. */
export const EXTREME_NUMBERS = [
  -1, -0, 0.5, 1.5, 2_147_483_647, 2_147_483_648, -2_147_483_649, 4_294_967_296, Number.MAX_SAFE_INTEGER, 2 ** 63, 1e21, 1e308, -1e308, Number.MIN_VALUE,
] as const;

export const NUL = "\u0000";

/** Chat-list cursors that decode but name no storable position (base64url JSON [key, id]). */
export const HOSTILE_CURSORS = [[1e300, "00000000-0000-4000-8000-000000000000"], [8.64e15 + 1, "00000000-0000-4000-8000-000000000000"], [-1e20, "00000000-0000-4000-8000-000000000000"], [2e15, "00000000-0000-4000-8000-000000000000"], ["x", "y"], [1]]
  .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url"));

const hostileStringParts = fc.constantFrom(
  ...HOSTILE_CURSORS,
  NUL,
  `a${NUL}b`,
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uDBFF",
  "\u001b[31m",
  "\u202E\u2066",
  "\uFEFF",
  "'; DROP TABLE \"Message\"; --",
  "%00",
  "%",
  "../../etc/passwd",
  "..%2F..%2F",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "//evil.example/",
  "/\\evil.example/",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-1",
  "2147483648",
  "1e400",
  "0x10",
  " ",
  "",
  ...EXTREME_DATES,
);

/** A hostile string: a hostile piece, alone or between ordinary text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileStringParts },
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), hostileStringParts, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 120_000 }).map((length) => "x".repeat(length)) },
);

/** Nesting deep enough to trip naive recursion, shallow enough to stay cheap. */
export const deepNesting: fc.Arbitrary<unknown> = fc.integer({ min: 50, max: 2_000 }).chain((depth) =>
  fc.constantFrom<"array" | "object">("array", "object").map((shape) => {
    let value: unknown = "leaf";
    for (let level = 0; level < depth; level++) value = shape === "array" ? [value] : { a: value };
    return value;
  }),
);

/** Any hostile JSON value: wrong types, extreme numbers, hostile strings, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...EXTREME_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, {}, [], [null], { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 4 }), { minLength: 1_000, maxLength: 3_000 }) },
);

/** Path parameters that are not ids (and a few that look like them). */
export const hostilePathParam: fc.Arbitrary<string> = fc.oneof(
  hostileString.filter((value) => value.length < 5_000),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "not-a-uuid", "1", "0", "-1", "%2e%2e", "a".repeat(300)),
  fc.uuid(),
);
