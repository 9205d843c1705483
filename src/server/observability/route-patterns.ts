// OPS-3: the HTTP latency histogram is labelled by route PATTERN
// (/api/console/conversations/[conversationId]), never the raw path, so that its cardinality is
// bounded by the number of route files. Patterns come from the app directory's route.ts files;
// pages get one coarse label.
import fs from "node:fs";
import path from "node:path";

type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "catchAll"; optional: boolean };

interface RoutePattern {
  pattern: string;
  segments: Segment[];
}

/** Labels for requests that match no route file. */
export const COARSE_ROUTES = { nextAsset: "/_next/*", page: "page", unmatchedApi: "/api/*" } as const;

function parseSegment(segment: string): Segment {
  if (segment.startsWith("[[...") && segment.endsWith("]]")) return { kind: "catchAll", optional: true };
  if (segment.startsWith("[...") && segment.endsWith("]")) return { kind: "catchAll", optional: false };
  if (segment.startsWith("[") && segment.endsWith("]")) return { kind: "dynamic" };
  return { kind: "static", value: segment };
}

/** Route groups `(name)` and parallel slots `@name` do not appear in the URL. */
function urlSegments(relativeDir: string): string[] {
  return relativeDir.split(/[\\/]/).filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
}

export function compileRoutePatterns(patterns: string[]): RoutePattern[] {
  const compiled = patterns.map((pattern) => ({ pattern, segments: pattern.split("/").filter(Boolean).map(parseSegment) }));
  // Next.js's precedence: a static segment beats a dynamic one, which beats a catch-all.
  const rank = (segment: Segment) => (segment.kind === "static" ? 0 : segment.kind === "dynamic" ? 1 : 2);
  return compiled.sort((a, b) => {
    const length = Math.max(a.segments.length, b.segments.length);
    for (let index = 0; index < length; index += 1) {
      const left = a.segments[index];
      const right = b.segments[index];
      if (!left || !right) return left ? -1 : 1;
      if (rank(left) !== rank(right)) return rank(left) - rank(right);
    }
    return 0;
  });
}

function matches(route: RoutePattern, parts: string[]): boolean {
  for (let index = 0; index < route.segments.length; index += 1) {
    const segment = route.segments[index]!;
    if (segment.kind === "catchAll") return segment.optional || parts.length > index;
    const part = parts[index];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.value !== part) return false;
  }
  return parts.length === route.segments.length;
}

/** The pattern of the route file that serves `pathname`, or a coarse label. */
export function routeLabel(routes: RoutePattern[], pathname: string): string {
  if (pathname.startsWith("/_next/")) return COARSE_ROUTES.nextAsset;
  const parts = pathname.split("/").filter(Boolean);
  const found = routes.find((route) => matches(route, parts));
  if (found) return found.pattern;
  return pathname === "/api" || pathname.startsWith("/api/") ? COARSE_ROUTES.unmatchedApi : COARSE_ROUTES.page;
}

/** Every route.ts under `appDir`, as URL patterns (`/api/uploads/[id]`). */
export function findRouteFiles(appDir: string): string[] {
  const patterns: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/^route\.(ts|js|tsx|jsx)$/.test(entry.name)) patterns.push(`/${urlSegments(path.relative(appDir, dir)).join("/")}`);
    }
  };
  if (fs.existsSync(appDir)) visit(appDir);
  return patterns;
}
