// CONSOLE-1..5, NF-3: the console list routes through their real handlers: each declares its
// permission, validates its query with zod (HTTP 400 with field errors), refuses All open to
// roles without chat access management, needs a signed-in member, and remembers the sort order.
// Members sign in with a real session cookie; the database handle points at the test database.
import { type NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-database";
import { createChat, createTeamShop } from "./console-lists-support";
import { signInAs, signOut, signedInRequest } from "../support/signed-in-requests";

const { db, reset } = await useTestDatabase();
// Route handlers call getDb(), which returns the process-wide client kept on globalThis: point it
// at this file's real test database (no module mock of our storage).
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
beforeEach(async () => {
  await reset();
  signOut();
});

const lists = await import("../../src/app/api/console/lists/route");
const counts = await import("../../src/app/api/console/counts/route");
const search = await import("../../src/app/api/console/search/route");
const preferences = await import("../../src/app/api/console/preferences/route");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, url: string, init: { method?: string; body?: unknown } = {}) {
  const request = signedInRequest(url, {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; error?: { code: string; fieldErrors?: Record<string, string[]> } } };
}

describe("console list routes", () => {
  it("CONSOLE-1 GET /api/console/lists returns a page of the list", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, category: "logistics" });
    await signInAs(db, ava);
    const response = await call(lists.GET, "/api/console/lists?list=assigned&category=logistics&sort=latest&status=&cursor=");
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ items: [{ sessionId: chat.session.id, category: "logistics" }], nextCursor: null, sort: "latest" });
  });

  it("CONSOLE-1 NF-3 an invalid query is a 400 with field errors", async () => {
    const { ava } = await createTeamShop(db);
    await signInAs(db, ava);
    const response = await call(lists.GET, "/api/console/lists?list=mine&status=late&category=toys&sort=random&limit=0");
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("BAD_INPUT");
    expect(Object.keys(response.body.error?.fieldErrors ?? {}).sort()).toEqual(["category", "limit", "list", "sort", "status"]);
    expect((await call(lists.GET, "/api/console/lists")).body.error?.fieldErrors).toHaveProperty("list");
    expect((await call(lists.GET, "/api/console/lists?list=assigned&cursor=garbage")).status).toBe(400);
    expect((await call(counts.GET, "/api/console/counts?category=toys")).status).toBe(400);
    expect((await call(search.GET, "/api/console/search?q=a")).body.error?.fieldErrors).toHaveProperty("q");
    expect((await call(search.GET, `/api/console/search?q=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("CONSOLE-1 TEAM-5 All open is refused (403) to an agent and served to an admin", async () => {
    const { admin, ava } = await createTeamShop(db);
    await signInAs(db, ava);
    const refused = await call(lists.GET, "/api/console/lists?list=all");
    expect(refused.status).toBe(403);
    expect(refused.body.data).toBeUndefined();
    await signInAs(db, admin);
    expect((await call(lists.GET, "/api/console/lists?list=all")).status).toBe(200);
  });

  it("NF-3 every console list route needs a signed-in member", async () => {
    for (const [handler, url] of [[lists.GET, "/api/console/lists?list=assigned"], [counts.GET, "/api/console/counts"], [search.GET, "/api/console/search?q=tea"], [preferences.GET, "/api/console/preferences"]] as const) {
      const response = await call(handler, url);
      expect(response.status, url).toBe(401);
    }
    expect((await call(preferences.PATCH, "/api/console/preferences", { method: "PATCH", body: { sortOrder: "latest" } })).status).toBe(401);
  });

  it("CONSOLE-2 GET /api/console/counts and CONSOLE-4 GET /api/console/search answer for the member", async () => {
    const { shop, ava } = await createTeamShop(db);
    await createChat(db, { shopId: shop.id, state: "queued", buyerNickname: "nora_w", starred: true });
    await signInAs(db, ava);
    const countsResponse = await call(counts.GET, "/api/console/counts");
    expect(countsResponse.status).toBe(200);
    expect(countsResponse.body.data).toMatchObject({ unassigned: { total: 1, starred: 1 }, all: null, closed: 0 });
    const searchResponse = await call(search.GET, "/api/console/search?q=nora");
    expect(searchResponse.body.data).toMatchObject({ query: "nora", results: [{ buyer: { nickname: "nora_w" }, matchedField: "nickname" }] });
  });

  it("CONSOLE-5 PATCH /api/console/preferences remembers the sort order; an unknown order is a 400", async () => {
    const { shop, ava } = await createTeamShop(db);
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await signInAs(db, ava);
    expect((await call(preferences.GET, "/api/console/preferences")).body.data).toEqual({ sortOrder: "waiting_time" });
    expect((await call(preferences.PATCH, "/api/console/preferences", { method: "PATCH", body: { sortOrder: "latest" } })).body.data).toEqual({ sortOrder: "latest" });
    expect((await call(preferences.GET, "/api/console/preferences")).body.data).toEqual({ sortOrder: "latest" });
    expect((await call(lists.GET, "/api/console/lists?list=assigned")).body.data).toMatchObject({ sort: "latest" });
    const bad = await call(preferences.PATCH, "/api/console/preferences", { method: "PATCH", body: { sortOrder: "alphabetical", extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fieldErrors).toHaveProperty("sortOrder");
  });
});
