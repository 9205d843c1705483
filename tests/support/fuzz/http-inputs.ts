// Requests around one route: path parameters from the seeded ids or hostile strings, a query
// and a body from and around the route's zod schemas (or, without a known schema, around the
// field names its source mentions), and bodies that are not JSON at all.
import fc from "fast-check";
import { aroundSchema, idsFor, type FuzzPools } from "./around-schema";
import { hostilePathParam, hostileString, hostileValue } from "./hostile";
import type { FuzzRequest } from "./http-call";
import type { DiscoveredRoute, HttpMethod } from "./routes";

const NEXTAUTH_ACTIONS = ["session", "providers", "csrf", "signin", "signin/credentials", "callback/credentials", "signout", "error", "_log"];
const COMMON_QUERY_KEYS = ["cursor", "limit", "q", "afterSeq", "conversationId"];
const RAW_BODIES = ["", "{", "null", "[]", "\"text\"", "{\"a\":1}{", "\u0000", "{\"a\":\"\\u0000\"}", "[".repeat(5_000), "{\"n\":1e999}", "{\"__proto__\":{\"x\":1}}"];

export function requestsFor(route: DiscoveredRoute, method: HttpMethod, pools: FuzzPools & { externalIds: string[] }): fc.Arbitrary<FuzzRequest> {
  const known = fc.constantFrom(...pools.ids, ...pools.externalIds);
  // A path parameter is a seeded id of its noun half of the time, so handlers get past 404.
  const knownFor = (name: string) => fc.constantFrom(...(name === "externalId" ? pools.externalIds : idsFor(pools, name)));
  const paramValue = (name: string) =>
    name.startsWith("...") ? fc.oneof(fc.constantFrom(...NEXTAUTH_ACTIONS), hostilePathParam) : fc.oneof(knownFor(name), hostilePathParam);
  const params = fc.record(Object.fromEntries(route.params.map((name) => [name, paramValue(name)]))) as fc.Arbitrary<Record<string, string>>;

  const queryValue = fc.oneof(known, hostileString.filter((value) => value.length < 20_000), fc.constantFrom("1", "0", "20", "all", "history", "latest"));
  const looseQuery = fc.dictionary(fc.constantFrom(...route.extraKeys, ...COMMON_QUERY_KEYS), queryValue, { maxKeys: 4 });
  const query = route.querySchema
    ? fc.oneof({ weight: 4, arbitrary: aroundSchema(route.querySchema, pools, { query: true }) as fc.Arbitrary<Record<string, string>> }, { weight: 1, arbitrary: looseQuery })
    : looseQuery;

  const wantsBody = method !== "GET" && method !== "HEAD";
  const looseBody = fc.dictionary(fc.constantFrom(...route.extraKeys, "id", "name"), fc.oneof(known, hostileValue), { maxKeys: 4 });
  const jsonBody = route.bodySchema
    ? fc.oneof({ weight: 5, arbitrary: aroundSchema(route.bodySchema, pools) }, { weight: 1, arbitrary: looseBody })
    : fc.oneof(looseBody, hostileValue);
  // Real image signatures, so some files pass the content sniffing and reach storage.
  const fileBytes = fc.oneof(
    fc.constantFrom([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
  );
  const form = fc.record({
    field: fc.constantFrom(...(route.multipartFields.length > 0 ? route.multipartFields : ["file"])),
    fileName: fc.oneof(fc.constantFrom("photo.png", "a.jpg"), hostileString.filter((value) => value.length < 2_000)),
    type: fc.constantFrom("image/png", "image/jpeg", "text/html", "application/octet-stream", ""),
    bytes: fileBytes,
  });
  const multipartBody = fc.oneof({ weight: 3, arbitrary: form.map((value) => ({ form: value })) }, { weight: 1, arbitrary: jsonBody.map((json) => ({ json })) });
  const otherBody = wantsBody
    ? fc.oneof(
        { weight: 6, arbitrary: jsonBody.map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  const body = wantsBody && route.multipartFields.length > 0 ? multipartBody : otherBody;

  return fc.record({ method: fc.constant(method), params, query, body, withWidgetToken: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }) as fc.Arbitrary<FuzzRequest>;
}
