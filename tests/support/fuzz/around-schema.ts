// fast-check values "from and around" a zod 4 schema (NF-3, issue 15 item 8): mostly valid shapes
// built from the schema's own definition (formats, lengths, bounds, enums), with any field
// replaced by a hostile value, left out, or joined by extra fields; sometimes the whole input is
// hostile. Valid ids come from the seeded shop, so handlers get past "not found" and reach the
// database, where the old 500s were.
import fc from "fast-check";
import type { z } from "zod";
import { EXTREME_DATES, HOSTILE_CURSORS, hostileString, hostileValue, NUL } from "./hostile";

export interface FuzzPools {
  /** Ids of records that exist in the fuzzed shop (conversations, sessions, buyers, ...). */
  ids: string[];
  /** The same by noun ("conversation", "member", ...): a field `targetMemberId` draws member ids. */
  idsByNoun?: Record<string, string[]>;
  /** The object key being generated, set while walking an object's shape. */
  field?: string;
}

/** Ids that fit a field or path parameter name, else every id. */
export function idsFor(pools: FuzzPools, field: string | undefined): string[] {
  const noun = field?.replace(/Ids?$/, "").toLowerCase();
  const match = noun ? Object.entries(pools.idsByNoun ?? {}).find(([key]) => noun.endsWith(key)) : undefined;
  return match && match[1].length > 0 ? match[1] : pools.ids;
}

interface ZodDef {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (schema: unknown): CheckDef[] =>
  ((defOf(schema).checks as Array<{ _zod: { def: CheckDef } }> | undefined) ?? []).map((check) => check._zod.def);

const MAX_DEPTH = 8;
/** Values that pass the refinements plain text fails (links, paths, codes, dates, emails). */
const TYPICAL_STRINGS = ["https://shop.example.com/products/kettle", "/products/kettle", "USD", "2026-01-31T09:30:00Z", "buyer@example.com", "cust-fuzz-1", "ORD-FUZZ-1", "+1 800 555 0142", "abcdefghijklmnop1234"];
const ALPHANUMERIC = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

/**
 * Values around `schema`. Most are a valid value with exactly one leaf changed, because a field
 * that is wrong on its own is what reaches the database when every other field is right: a
 * hostile piece injected into a string (NUL, a lone surrogate) or a leaf replaced by a hostile
 * value (a year-0 date, 2^31). The rest: valid values, values wrong anywhere, wholly hostile ones.
 * `query`: every top-level value as a string, as a query string holds it.
 */
export function aroundSchema(schema: z.ZodType, pools: FuzzPools, options: { query?: boolean } = {}): fc.Arbitrary<unknown> {
  const base = valid(schema, pools, 0);
  const oneLeafChanged = fc
    .tuple(base, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), hostileValue)
    .map(([value, index, pick, mode, replacement]) => changeLeaf(value, index, mode === 0 ? { replace: replacement } : { edge: pick }));
  const value = fc.oneof(
    { weight: 2, arbitrary: base },
    { weight: 10, arbitrary: oneLeafChanged },
    { weight: 2, arbitrary: node(schema, pools, 0) },
    { weight: 1, arbitrary: hostileValue },
  );
  return options.query ? value.map(toQueryRecord) : value;
}

type Change = { edge: number } | { replace: unknown };

/**
 * Values of a leaf's own type that PostgreSQL or the code may not take: the old 500s. Repeated
 * entries weigh more: NUL passes a plain z.string() and was the commonest 500.
 */
const injectNul = (current: string) => `${current.slice(0, 1)}${NUL}${current.slice(1)}`;
const STRING_EDGES: Array<(current: string) => string> = [
  injectNul,
  injectNul,
  injectNul,
  injectNul,
  (current) => `${current.slice(0, 1)}\uD800${current.slice(1)}`,
  (current) => `${current}\uDC00`,
  ...EXTREME_DATES.slice(0, 3).map((date) => () => date),
  ...EXTREME_DATES.slice(0, 2).map((date) => () => date),
  ...HOSTILE_CURSORS.slice(0, 3).map((cursor) => () => cursor),
  () => "x".repeat(5_001),
  () => "",
  () => "2147483648",
];
const NUMBER_EDGES = [2_147_483_648, 2_147_483_648, -1, 1e308, 1.5, 2 ** 53 + 2, -2_147_483_649];
const OTHER_EDGES: unknown[] = [null, "true", 0, [], {}];

function edgeOf(current: unknown, pick: number): unknown {
  if (typeof current === "string") return STRING_EDGES[pick % STRING_EDGES.length]!(current);
  if (typeof current === "number") return NUMBER_EDGES[pick % NUMBER_EDGES.length];
  return OTHER_EDGES[pick % OTHER_EDGES.length];
}

/** The value with its `index`-th leaf (mod the leaf count, depth first) changed. */
export function changeLeaf(value: unknown, index: number, change: Change): unknown {
  const leaves = countLeaves(value);
  if (leaves === 0) return "replace" in change ? change.replace : value;
  let remaining = index % leaves;
  const walk = (current: unknown): unknown => {
    if (Array.isArray(current)) return current.map(walk);
    if (current !== null && typeof current === "object") {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(current)) Object.defineProperty(copy, key, { value: walk(child), enumerable: true, writable: true, configurable: true });
      return copy;
    }
    if (remaining-- !== 0) return current;
    return "edge" in change ? edgeOf(current, change.edge) : change.replace;
  };
  return walk(value);
}

function countLeaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, child) => sum + countLeaves(child), 0);
  if (value !== null && typeof value === "object") return Object.values(value).reduce((sum: number, child) => sum + countLeaves(child), 0);
  return 1;
}

/** One node: usually valid, sometimes hostile, sometimes missing. */
function node(schema: unknown, pools: FuzzPools, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return valid(schema, pools, depth);
  return fc.oneof(
    { weight: 5, arbitrary: valid(schema, pools, depth, true) },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A valid value; `noisy`: its children may be wrong too (node() below). */
function valid(schema: unknown, pools: FuzzPools, depth: number, noisy = false): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const child = (inner: unknown, key?: string) => {
    const scoped = key === undefined ? pools : { ...pools, field: key };
    return noisy ? node(inner, scoped, depth + 1) : valid(inner, scoped, depth + 1);
  };
  switch (def.type) {
    case "string":
      return validString(schema, pools);
    case "number":
    case "int":
      return validNumber(schema);
    case "bigint":
      return fc.bigInt({ min: 0n, max: 1000n }).map(Number);
    case "boolean":
      return fc.boolean();
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "date":
      return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((date) => date.toISOString());
    case "object":
      return validObject(def.shape as Record<string, unknown>, child, noisy);
    case "array": {
      const min = checksOf(schema).find((check) => check.check === "min_length")?.minimum ?? 0;
      return fc.array(child(def.element, pools.field), { minLength: Math.min(min, 3), maxLength: Math.max(Math.min(min, 3), 3) });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((item) => child(item)));
    case "record":
      return fc.dictionary(fc.string({ unit: ALPHANUMERIC, maxLength: 8 }), child(def.valueType), { maxKeys: 3 });
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => valid(option, pools, depth, noisy)));
    case "intersection":
      return valid(def.left, pools, depth, noisy);
    case "optional":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      // Absent half of the time: a present optional field that is wrong hides the rest.
      return fc.oneof(valid(def.innerType, pools, depth, noisy), fc.constant(undefined));
    case "nullable":
      return fc.oneof({ weight: 4, arbitrary: valid(def.innerType, pools, depth, noisy) }, { weight: 1, arbitrary: fc.constant(null) });
    case "pipe":
      // z.string().trim().pipe(z.email()): the output says what is valid; a transform's input does.
      return defOf(def.out).type === "transform" ? valid(def.in, pools, depth, noisy) : valid(def.out, pools, depth, noisy);
    case "lazy":
      return depth > MAX_DEPTH ? fc.constant(null) : valid((def.getter as () => unknown)(), pools, depth + 1, noisy);
    default:
      // transform, unknown, any, custom, ...: anything at all.
      return fc.oneof(fc.string({ maxLength: 10 }), hostileValue);
  }
}

function validObject(shape: Record<string, unknown>, child: (schema: unknown, key?: string) => fc.Arbitrary<unknown>, noisy: boolean): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, child(schema, key)]));
  const extra = fc.dictionary(fc.oneof(hostileString.filter((key) => key.length < 200), fc.constantFrom("__proto__", "constructor", "shopId", "role", "memberId")), hostileValue, { maxKeys: 2 });
  return fc.tuple(fc.record(fields), noisy ? fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra }) : fc.constant({})).map(([known, more]) => {
    const value: Record<string, unknown> = {};
    for (const [key, fieldValue] of Object.entries(known)) if (fieldValue !== undefined) value[key] = fieldValue;
    // defineProperty: a "__proto__" key must become an own field, as JSON.parse makes it.
    for (const [key, extraValue] of Object.entries(more)) Object.defineProperty(value, key, { value: extraValue, enumerable: true, writable: true, configurable: true });
    return value;
  });
}

function validString(schema: unknown, pools: FuzzPools): fc.Arbitrary<string> {
  const def = defOf(schema);
  const checks = checksOf(schema);
  const format = (def.format as string | undefined) ?? checks.find((check) => check.check === "string_format")?.format;
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((check) => check.pattern)?.pattern;
  switch (format) {
    case "uuid":
    case "guid": {
      const ids = idsFor(pools, pools.field);
      return ids.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
    }
    case "email":
      return fc.constantFrom("buyer@example.com", "Agent.Two@Example.COM", "x@y.io");
    case "datetime":
      return fc.date({ min: new Date("2001-01-01"), max: new Date("2099-01-01"), noInvalidDate: true }).map((date) => date.toISOString());
    case "url":
      return fc.constantFrom("https://shop.example.com/p/1", "http://localhost/x");
    default:
      break;
  }
  if (pattern) {
    return fc.stringMatching(pattern).filter((value) => value.length <= 200);
  }
  const min = checks.find((check) => check.check === "min_length")?.minimum ?? 0;
  const max = checks.find((check) => check.check === "max_length")?.maximum ?? 60;
  // Letters and digits only: a valid base value must survive trim() and min() checks.
  const minLength = Math.min(Math.max(min, 1), max);
  const plain = fc.string({ unit: ALPHANUMERIC, minLength, maxLength: Math.max(Math.min(max, 24), minLength) });
  // A refinement (links, codes) may refuse plain text: then use the typical values it accepts.
  const accepts = (value: string) => (schema as z.ZodType).safeParse(value).success;
  if (["abc123", "Kettle2", "xyz9"].every(accepts)) return plain;
  const typical = TYPICAL_STRINGS.filter(accepts);
  return typical.length > 0 ? fc.constantFrom(...typical) : plain;
}

function validNumber(schema: unknown): fc.Arbitrary<number> {
  const checks = checksOf(schema);
  let min = -1_000;
  let max = 1_000;
  let isInteger = false;
  for (const check of checks) {
    if (check.check === "greater_than" && typeof check.value === "number") min = check.value + (check.inclusive ? 0 : 1);
    if (check.check === "less_than" && typeof check.value === "number") max = check.value - (check.inclusive ? 0 : 1);
    if (check.check === "number_format" && check.format && /int/.test(check.format)) isInteger = true;
  }
  min = Math.max(min, -1_000_000);
  max = Math.min(max, Math.max(min, 1_000_000));
  return isInteger ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value as query parameters: objects flatten one level to strings; anything else becomes `q`. */
function toQueryRecord(value: unknown): Record<string, string> {
  const record = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { q: value };
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record)) {
    if (entry === undefined) continue;
    out[key] = typeof entry === "string" ? entry : (JSON.stringify(entry) ?? "").slice(0, 10_000);
  }
  return out;
}
