import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileRoutePatterns, COARSE_ROUTES, findRouteFiles, routeLabel } from "@/server/observability/route-patterns";

describe("route pattern labels (OPS-3)", () => {
  const routes = compileRoutePatterns(["/api/uploads/[id]", "/api/uploads", "/api/auth/[...nextauth]", "/api/team/members/[memberId]/role", "/api/team/members/[memberId]", "/api/team/members", "/docs/[[...slug]]", "/api/me/avatar", "/api/me/[field]"]);

  it("OPS-3 a raw path is labelled with the pattern of the route file that serves it", () => {
    expect(routeLabel(routes, "/api/uploads/3f1c")).toBe("/api/uploads/[id]");
    expect(routeLabel(routes, "/api/uploads")).toBe("/api/uploads");
    expect(routeLabel(routes, "/api/uploads/")).toBe("/api/uploads");
    expect(routeLabel(routes, "/api/team/members/m1/role")).toBe("/api/team/members/[memberId]/role");
    expect(routeLabel(routes, "/api/team/members/m1")).toBe("/api/team/members/[memberId]");
    expect(routeLabel(routes, "/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeLabel(routes, "/docs")).toBe("/docs/[[...slug]]");
  });

  it("OPS-3 a static segment wins over a dynamic one", () => {
    expect(routeLabel(routes, "/api/me/avatar")).toBe("/api/me/avatar");
    expect(routeLabel(routes, "/api/me/other")).toBe("/api/me/[field]");
  });

  it("OPS-3 pages, assets and unknown API paths get coarse labels, so the label set stays bounded", () => {
    expect(routeLabel(routes, "/inbox/anything/at/all")).toBe(COARSE_ROUTES.page);
    expect(routeLabel(routes, "/_next/static/chunks/a.js")).toBe(COARSE_ROUTES.nextAsset);
    expect(routeLabel(routes, "/api/uploads/a/b/c")).toBe(COARSE_ROUTES.unmatchedApi);
  });

  it("OPS-3 the app's own route files are found, route groups left out of the URL", () => {
    const patterns = findRouteFiles(path.resolve(import.meta.dirname, "../../app"));
    expect(patterns).toContain("/api/console/conversations/[conversationId]");
    expect(patterns).toContain("/api/auth/[...nextauth]");
    expect(patterns.every((pattern) => !/\(|@/.test(pattern))).toBe(true);
  });
});
