// Every HTTP route of the app, found from the file tree (src/app/**/route.ts), so a route added
// tomorrow is fuzzed without touching the suite. For each, the exported method handlers and
// what its source says about its input: the zod schemas it validates its body and query with
// (resolved through its imports), the query keys it reads by hand and inline field names.
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface DiscoveredRoute {
  /** src/app/api/team/members/[memberId]/route.ts */
  file: string;
  /** /api/team/members/[memberId] */
  pattern: string;
  /** Dynamic segments in order; a catch-all is named with its dots ("...nextauth"). */
  params: string[];
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
  bodySchema: z.ZodType | null;
  querySchema: z.ZodType | null;
  /** Query keys read with searchParams.get("...") and keys of inline z.object({...}) schemas. */
  extraKeys: string[];
  /** Reads a multipart body (uploads): then some requests send files, with these field names. */
  multipartFields: string[];
}

const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP_DIR = path.join(ROOT, "src/app");

export function findRouteFiles(dir = APP_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findRouteFiles(full));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found.sort();
}

/**
 * Routes whose handlers only run inside the Next.js server, with the reason. Keep this short:
 * everything else is fuzzed, and a route listed here needs its own input tests.
 */
export const NOT_FUZZED_IN_PROCESS: Readonly<Record<string, string>> = {
  "src/app/api/auth/[...nextauth]/route.ts":
    "next-auth's App Router handler reads cookies() from the Next.js request scope, which exists only in the running server; its input (ZSignInSchema) is covered by the sign-in tests.",
};

export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of findRouteFiles()) {
    const source = fs.readFileSync(file, "utf8");
    const module = (await import(file)) as Record<string, unknown>;
    const handlers: DiscoveredRoute["handlers"] = {};
    for (const method of HTTP_METHODS) if (typeof module[method] === "function") handlers[method] = module[method] as RouteHandler;
    const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment));
    const imports = await importedSchemas(source);
    routes.push({
      file: path.relative(ROOT, file),
      pattern: `/${segments.join("/")}`,
      params: segments.filter((segment) => segment.startsWith("[")).map((segment) => segment.replace(/^\[+|\]+$/g, "")),
      handlers,
      bodySchema: firstSchema(imports, source, [/\bbody:\s*([A-Z]\w*)/g, /\b([A-Z]\w*)\.safeParse\(json\)/g]),
      querySchema: firstSchema(imports, source, [/\bquery:\s*([A-Z]\w*)/g, /parseQuery\(request,\s*([A-Z]\w*)\)/g, /parseSearchParams\(request\.url,\s*([A-Z]\w*)\)/g, /\b([A-Z]\w*)\.safeParse\(\{/g]),
      extraKeys: [...new Set([...matchAll(source, /searchParams\.get\("(\w+)"\)/g), ...matchAll(source, /\b(\w+):\s*z\./g)])],
      multipartFields: /formData\(|multipart|busboy/i.test(source) ? [...new Set(["file", "avatar", ...matchAll(source, /form\.get\("(\w+)"\)/g)])] : [],
    });
  }
  return routes;
}

function matchAll(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

/** The zod schemas among a route's named imports from "@/...". */
async function importedSchemas(source: string): Promise<Map<string, z.ZodType>> {
  const schemas = new Map<string, z.ZodType>();
  for (const match of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*"@\/([^"]+)"/g)) {
    const names = match[1]!.split(",").map((name) => name.trim().replace(/^type\s+/, "")).filter(Boolean);
    if (!names.some((name) => /^[A-Z]/.test(name))) continue;
    const module = (await import(resolveSource(path.join(ROOT, "src", match[2]!)))) as Record<string, unknown>;
    for (const name of names) {
      const value = module[name];
      if (value && typeof value === "object" && "_zod" in value && "safeParse" in value) schemas.set(name, value as z.ZodType);
    }
  }
  return schemas;
}

function resolveSource(base: string): string {
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  return base;
}

function firstSchema(imports: Map<string, z.ZodType>, source: string, patterns: RegExp[]): z.ZodType | null {
  for (const pattern of patterns) {
    for (const name of matchAll(source, pattern)) {
      const schema = imports.get(name);
      if (schema) return schema;
    }
  }
  return null;
}

/** The URL path for concrete parameter values (encoded as a browser would). */
export function concretePath(route: DiscoveredRoute, values: Record<string, string>): string {
  return route.pattern.replace(/\[\[?(\.\.\.)?(\w+)\]?\]/g, (_whole, dots: string | undefined, name: string) => {
    const value = values[`${dots ?? ""}${name}`] ?? "";
    return dots ? value.split("/").map(encodePathSegment).join("/") : encodePathSegment(value);
  });
}

/** As a browser sends it: a lone surrogate cannot be UTF-8, so it travels as U+FFFD. */
function encodePathSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
}
