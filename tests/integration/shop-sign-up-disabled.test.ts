// SHOP-1: SIGNUP_ENABLED=false (a single-shop deployment): the sign-up API answers 404 with a
// sentence saying why, and creates nothing.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-database";

process.env.SIGNUP_ENABLED = "false";
const { db } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
const signUpRoute = await import("../../src/app/api/sign-up/route");

describe("SHOP-1 sign-up turned off", () => {
  it("SHOP-1 with SIGNUP_ENABLED=false POST /api/sign-up answers 404 and creates nothing", async () => {
    const response = await signUpRoute.POST(new NextRequest("http://app.test/api/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json", host: "app.test" },
      body: JSON.stringify({ name: "Rita", email: "rita@example.test", password: "violet harbor lantern 42", shopName: "Rita's", currency: "USD", timeZone: "UTC", defaultLanguage: "en" }),
    }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain("Sign-up is turned off");
    expect(await db.user.count()).toBe(0);
  });
});
