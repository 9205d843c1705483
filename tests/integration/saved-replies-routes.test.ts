// AUTO-2, NF-3: the saved-reply routes through their real handlers: zod-validated input (400
// with field errors, never 5xx), 401 without a member, 403 for an agent on a shop-wide reply,
// 404 for another member's personal one, CSV export as a file. Only the session lookup and the
// database handle are redirected to the test database (as console-lists-routes.test.ts does).
import { type NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { signInAs, signOut, signedInRequest } from "../support/signed-in-requests";


const { db, reset } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
beforeEach(async () => {
  await reset();
  signOut();
});

const collection = await import("../../src/app/api/saved-replies/route");
const single = await import("../../src/app/api/saved-replies/[id]/route");
const exporter = await import("../../src/app/api/saved-replies/export/route");
const importer = await import("../../src/app/api/saved-replies/import/route");
const suggest = await import("../../src/app/api/saved-replies/suggest/route");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, url: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const request = signedInRequest(url, {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, body: (text.startsWith("{") ? JSON.parse(text) : null) as { data?: Record<string, unknown>; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } | null };
}

async function team() {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent" });
  return { shop, owner, agent };
}

describe("AUTO-2 saved-reply routes", () => {
  it("AUTO-2 need a signed-in member", async () => {
    expect((await call(collection.GET, "/api/saved-replies")).status).toBe(401);
  });

  it("AUTO-2 refuse bad input with 400 and field errors", async () => {
    const { owner } = await team();
    await signInAs(db, owner);
    const bad = await call(collection.POST, "/api/saved-replies", { method: "POST", body: { scope: "team", shortcut: "two words", title: "", body: "Hi {buyr}" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body!.error!.fieldErrors!).sort()).toEqual(["body", "scope", "shortcut", "title"]);
    expect(bad.body!.error!.fieldErrors!.body).toEqual(["Unknown variable {buyr}. Use {buyer}, {agent}, {order_id}, {shop}."]);
    expect((await call(collection.GET, "/api/saved-replies?limit=0")).status).toBe(400);
    expect((await call(collection.GET, "/api/saved-replies?scope=everyone")).status).toBe(400);
    expect((await call(suggest.GET, "/api/saved-replies/suggest?conversationId=nope")).status).toBe(400);
    expect((await call(single.PATCH, "/api/saved-replies/x", { method: "PATCH", body: {}, params: { id: "x" } })).status).toBe(400);
    expect((await call(single.DELETE, "/api/saved-replies/not-a-uuid", { method: "DELETE", params: { id: "not-a-uuid" } })).status).toBe(404);
    expect((await call(importer.POST, "/api/saved-replies/import", { method: "POST", body: { csv: 5 } })).status).toBe(400);
  });

  it("AUTO-2 create, list, edit, delete; an agent gets 403 on shop-wide and 404 on another's personal reply; export is a CSV file", async () => {
    const { owner, agent } = await team();
    await signInAs(db, owner);
    const created = await call(collection.POST, "/api/saved-replies", { method: "POST", body: { scope: "shop", shortcut: "/Refund", title: "Refund", body: "Hi {buyer}" } });
    expect(created.status).toBe(200);
    expect(created.body!.data).toMatchObject({ scope: "shop", shortcut: "refund", canManage: true });
    const id = created.body!.data!.id as string;
    const mine = await call(collection.POST, "/api/saved-replies", { method: "POST", body: { scope: "personal", shortcut: "own", title: "Own", body: "x" } });
    const conflict = await call(collection.POST, "/api/saved-replies", { method: "POST", body: { scope: "shop", shortcut: "refund", title: "Again", body: "y" } });
    expect(conflict.status).toBe(409);

    await signInAs(db, agent);
    expect((await call(collection.GET, "/api/saved-replies?scope=all")).body!.data!.items).toEqual([expect.objectContaining({ id, canManage: false })]);
    expect((await call(single.PATCH, `/api/saved-replies/${id}`, { method: "PATCH", body: { title: "Mine" }, params: { id } })).status).toBe(403);
    expect((await call(single.DELETE, `/api/saved-replies/${id}`, { method: "DELETE", params: { id } })).status).toBe(403);
    const ownerPersonal = mine.body!.data!.id as string;
    expect((await call(single.DELETE, `/api/saved-replies/${ownerPersonal}`, { method: "DELETE", params: { id: ownerPersonal } })).status).toBe(404);
    expect((await call(collection.POST, "/api/saved-replies", { method: "POST", body: { scope: "shop", shortcut: "x", title: "X", body: "x" } })).status).toBe(403);

    await signInAs(db, owner);
    expect((await call(single.PATCH, `/api/saved-replies/${id}`, { method: "PATCH", body: { title: "Refunds" }, params: { id } })).body!.data).toMatchObject({ title: "Refunds" });
    const file = await call(exporter.GET, "/api/saved-replies/export");
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.text).toBe("shortcut,title,body,scope\r\nrefund,Refunds,Hi {buyer},shop\r\nown,Own,x,personal\r\n");
    const bad = await call(importer.POST, "/api/saved-replies/import", { method: "POST", body: { csv: "shortcut,title,body,scope\nok,Ok,Body,shop\n,No shortcut,Body,shop\n" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body!.error!.fieldErrors!)).toEqual(["line 3"]);
    expect((await call(single.DELETE, `/api/saved-replies/${id}`, { method: "DELETE", params: { id } })).status).toBe(200);
  });
});
