// ACCOUNT-1, NF-3: the public password-reset routes through their real handlers on the test
// database, with no SMTP_URL (the mail is recorded in the outbox with the link removed and
// printed to the log): the CSRF rule, one answer for every email, 410 for a dead link, field
// errors for a weak password, and the new password signing in.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "../../src/server/services/sign-in";
import { useTestDatabase } from "../support/test-database";
import { createTeam } from "./team-fixtures";

const { db } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
const previousSmtp = process.env.SMTP_URL;
delete process.env.SMTP_URL;
afterAll(() => {
  if (previousSmtp !== undefined) process.env.SMTP_URL = previousSmtp;
});

const requestRoute = await import("../../src/app/api/password-reset/route");
const completeRoute = await import("../../src/app/api/password-reset/[token]/route");

const logged: string[] = [];
const originalInfo = console.info;
console.info = (...args: unknown[]) => void logged.push(args.join(" "));
afterAll(() => {
  console.info = originalInfo;
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", host: "app.test", origin: "http://app.test", ...headers } });
}

async function ask(email: string, headers: Record<string, string> = {}) {
  const response = await requestRoute.POST(post("http://app.test/api/password-reset", { email }, headers));
  return { status: response.status, body: (await response.json()) as { data?: { message: string }; error?: { code: string } } };
}

describe("ACCOUNT-1 the password-reset routes", () => {
  it("ACCOUNT-1 NF-3 refuses a cross-site request (CSRF) and a body that is not an email", async () => {
    expect((await ask("someone@example.test", { origin: "https://evil.example" })).status).toBe(403);
    const bad = await ask("not an email");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "BAD_INPUT" });
  });

  it("ACCOUNT-1 answers a known and an unknown email alike; the link from the log sets a new password once", async () => {
    const team = await createTeam(db);
    const email = team.agent.user.email;
    const known = await ask(email);
    const unknown = await ask(`nobody-${team.shop.id.slice(0, 6)}@example.test`);
    expect(known).toEqual(unknown);
    expect(known.status).toBe(200);

    // The route answers before the mail is made; the log line follows.
    let token: string | undefined;
    await expect.poll(() => (token = new RegExp(`to ${email}[\\s\\S]*?/reset-password/([A-Za-z0-9_-]{43})`).exec(logged.join("\n"))?.[1])).toBeTruthy();
    const stored = await db.outgoingMail.findFirstOrThrow({ where: { recipient: email, kind: "password_reset" } });
    expect(stored).toMatchObject({ shopId: null, status: "saved", links: [] });

    const weak = await completeRoute.POST(post(`http://app.test/api/password-reset/${token}`, { password: "password123", confirmPassword: "password123" }), { params: Promise.resolve({ token: token! }) });
    expect(weak.status).toBe(400);
    const good = { password: "harbor lantern quietly 88", confirmPassword: "harbor lantern quietly 88" };
    const done = await completeRoute.POST(post(`http://app.test/api/password-reset/${token}`, good), { params: Promise.resolve({ token: token! }) });
    expect(done.status).toBe(200);
    await expect(signIn(db, { email, password: good.password })).resolves.toBeTruthy();
    const again = await completeRoute.POST(post(`http://app.test/api/password-reset/${token}`, good), { params: Promise.resolve({ token: token! }) });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/does not work/);
  });
});
