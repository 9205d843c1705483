// AUTO-5: the chatbot switch's route through its real handler: 401 without a member, 403 for an
// agent, 400 for bad input (never 5xx), off by default, and the saved value read back. Only the
// session lookup and the database handle are redirected to the test database.
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

const route = await import("../../src/app/api/settings/automation/chatbot/route");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, init: { method?: string; body?: unknown } = {}) {
  const request = signedInRequest("/api/settings/automation/chatbot", {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { data?: { enabled: boolean }; error?: { code: string } } };
}

describe("AUTO-5 chatbot switch route", () => {
  it("AUTO-5: owners read it off by default and switch it; agents and strangers cannot; bad input is a 400", async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner" });
    const agent = await createMember(db, { shopId: shop.id, role: "agent" });
    expect((await call(route.GET)).status).toBe(401);
    await signInAs(db, owner);
    expect((await call(route.GET)).body.data).toEqual({ enabled: false });
    expect((await call(route.PUT, { method: "PUT", body: { enabled: "yes" } })).status).toBe(400);
    expect((await call(route.PUT, { method: "PUT", body: { enabled: true, shopId: shop.id } })).status).toBe(400);
    expect((await call(route.PUT, { method: "PUT", body: { enabled: true } })).body.data).toEqual({ enabled: true });
    expect((await call(route.GET)).body.data).toEqual({ enabled: true });
    await signInAs(db, agent);
    expect((await call(route.GET)).status).toBe(403);
    expect((await call(route.PUT, { method: "PUT", body: { enabled: false } })).status).toBe(403);
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).chatbotEnabled).toBe(true);
  });
});
