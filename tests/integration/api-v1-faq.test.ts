// AUTO-3, API-1: /api/v1/faq through the real route handlers with real tokens.
import { describe, expect, it } from "vitest";
import { createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, issueToken, useDbForRoutes } from "./api-v1-support";

const { db } = await useTestDatabase();
useDbForRoutes(db);
const list = await import("../../src/app/api/v1/faq/route");
const one = await import("../../src/app/api/v1/faq/[id]/route");
const csv = await import("../../src/app/api/v1/faq/csv/route");

const entry = { id: "shipping-time", category: "logistics", question: "How long does shipping take?", alternatives: ["When will it arrive"], answer: "3 to 5 days." };

describe("/api/v1/faq (AUTO-3, API-1)", () => {
  it("AUTO-3: upsert, read, list, export, import and delete through the API; another shop's token sees nothing", async () => {
    const shop = await createShop(db);
    const token = await issueToken(db, shop.id);
    const created = await callRoute(list.POST, { url: "/api/v1/faq", token, body: entry });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ id: "shipping-time", alternatives: ["When will it arrive"] });
    expect((await callRoute(list.POST, { url: "/api/v1/faq", token, body: entry })).status).toBe(200);
    const read = await callRoute(one.GET, { url: "/api/v1/faq/shipping-time", token, params: { id: "shipping-time" } });
    expect(read.json.data.answer).toBe("3 to 5 days.");
    const page = await callRoute(list.GET, { url: "/api/v1/faq?limit=10&search=SHIPPING", token });
    expect(page.json).toMatchObject({ total: 1, nextCursor: null, data: [{ id: "shipping-time" }] });

    const exported = await callRoute(csv.GET, { url: "/api/v1/faq/csv", token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(String(exported.json).split("\r\n")[0]).toBe("id,category,question,alternatives,answer");

    const bad = await callRoute(csv.POST, { url: "/api/v1/faq/csv", token, body: { csv: "id,category,question,alternatives,answer\nx,logistics,Q?,,A\ny,nope,Q?,,A\n" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("BAD_INPUT");
    expect(bad.json.error.fieldErrors.csv).toEqual([expect.stringMatching(/^Line 3: category/)]);
    expect((await callRoute(one.GET, { url: "/api/v1/faq/x", token, params: { id: "x" } })).status).toBe(404);
    const good = await callRoute(csv.POST, { url: "/api/v1/faq/csv", token, body: { csv: String(exported.json).replace("3 to 5 days.", "2 days.") } });
    expect(good.json).toEqual({ data: { created: 0, updated: 1 } });

    const other = await issueToken(db, (await createShop(db)).id);
    expect((await callRoute(one.GET, { url: "/api/v1/faq/shipping-time", token: other, params: { id: "shipping-time" } })).status).toBe(404);
    expect((await callRoute(one.DELETE, { method: "DELETE", url: "/api/v1/faq/shipping-time", token: other, params: { id: "shipping-time" } })).status).toBe(404);
    expect((await callRoute(one.DELETE, { method: "DELETE", url: "/api/v1/faq/shipping-time", token, params: { id: "shipping-time" } })).json).toEqual({ data: { deleted: true } });
    expect((await callRoute(list.GET, { url: "/api/v1/faq", token })).json.total).toBe(0);
    expect((await callRoute(list.GET, { url: "/api/v1/faq" })).status).toBe(401);
    expect((await callRoute(list.POST, { url: "/api/v1/faq", token, body: { ...entry, category: "other" } })).status).toBe(400);
  });
});
