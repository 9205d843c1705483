// TEAM-1, NF-3: every HTTP route of the team and settings areas, called through its real
// handler as each role of the shop, as the owner of another shop, as a deactivated member and
// signed out. A refusal carries an error and never data; another shop's records are "not
// found". Each caller signs in with a real session cookie; the database handle points at the test database.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, rolesAllowed, type Action } from "../../src/core/permissions";
import { createInvitationToken, invitationExpiry } from "../../src/server/services/team/invitation-token";
import { TEST_PASSWORD, createMember } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { createTeam } from "./team-fixtures";
import { signInAs, signOut, signedInRequest } from "../support/signed-in-requests";
import type { MemberRouteHandler } from "../../src/server/http/define-route";

const { db } = await useTestDatabase();
// Route handlers call getDb(), which returns the process-wide client kept on globalThis: point it
// at this file's real test database (no module mock of our storage).
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
let dataDir: string;
const previousDataDir = process.env.DATA_DIR;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "cp-team-routes-"));
  process.env.DATA_DIR = dataDir; // avatars land here
});
afterAll(async () => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  await fs.rm(dataDir, { recursive: true, force: true });
});

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A shop with every role, a member to act on (with a nickname under review) and an invitation. */
async function createFixture() {
  const team = await createTeam(db, { reviewWords: ["official"] });
  await db.member.update({ where: { id: team.target.id }, data: { pendingNickname: "Official Target", nicknameReview: "under_review" } });
  const deactivated = await createMember(db, { shopId: team.shop.id, status: "deactivated" });
  const invitation = await db.invitation.create({
    data: { shopId: team.shop.id, email: `invited-${team.shop.id.slice(0, 8)}@example.test`, role: "agent", tokenHash: createInvitationToken().tokenHash, expiresAt: invitationExpiry(new Date()) },
  });
  return { ...team, deactivated, invitation };
}
type Fixture = Awaited<ReturnType<typeof createFixture>>;

interface RouteCase {
  file: string;
  method: Method;
  action: Action;
  params?: (fx: Fixture) => Record<string, string>;
  body?: (fx: Fixture) => unknown;
  formData?: () => FormData;
  /** Whether its params name a record of the shop (another shop's owner must get 404). */
  isScopedToRecord?: boolean;
}

const member = (fx: Fixture) => ({ memberId: fx.target.id });
const invitation = (fx: Fixture) => ({ invitationId: fx.invitation.id });

// The permission each route must declare and enforce.
const ROUTES: RouteCase[] = [
  { file: "api/team/members/route.ts", method: "GET", action: "team:read" },
  { file: "api/team/members/[memberId]/route.ts", method: "PATCH", action: "team:update_member", params: member, body: () => ({ maxCapacity: 150, acceptAutoAssign: false }), isScopedToRecord: true },
  { file: "api/team/members/[memberId]/route.ts", method: "DELETE", action: "team:delete", params: member, isScopedToRecord: true },
  { file: "api/team/members/[memberId]/role/route.ts", method: "PUT", action: "team:change_role", params: member, body: () => ({ role: "admin" }), isScopedToRecord: true },
  { file: "api/team/members/[memberId]/status/route.ts", method: "PUT", action: "team:deactivate", params: member, body: () => ({ status: "deactivated" }), isScopedToRecord: true },
  { file: "api/team/members/[memberId]/nickname-review/route.ts", method: "POST", action: "team:approve_nickname", params: member, body: () => ({ decision: "approve" }), isScopedToRecord: true },
  { file: "api/team/invitations/route.ts", method: "GET", action: "team:manage_invitations" },
  { file: "api/team/invitations/route.ts", method: "POST", action: "team:invite", body: () => ({ email: `new-${Math.random().toString(36).slice(2)}@example.test`, role: "agent", defaultLanguage: "en" }) },
  { file: "api/team/invitations/[invitationId]/route.ts", method: "DELETE", action: "team:manage_invitations", params: invitation, isScopedToRecord: true },
  { file: "api/team/invitations/[invitationId]/resend/route.ts", method: "POST", action: "team:manage_invitations", params: invitation, isScopedToRecord: true },
  { file: "api/team/agent-settings/route.ts", method: "GET", action: "settings:read" },
  { file: "api/team/agent-settings/route.ts", method: "PUT", action: "agent_settings:update", body: () => ({ assignmentMode: "assign_equally", chatAccessRoles: ["owner", "admin"] }) },
  { file: "api/team/shop-settings/route.ts", method: "GET", action: "settings:read" },
  { file: "api/team/shop-settings/route.ts", method: "PUT", action: "settings:update", body: () => ({ dueSoonThresholdMinutes: 60, greetingEnabled: false, greetingTemplate: "", autoSendThreshold: null, reviewWords: ["official"] }) },
  { file: "api/me/route.ts", method: "GET", action: "personal_settings:read" },
  { file: "api/me/route.ts", method: "PATCH", action: "personal_settings:update", body: () => ({ defaultLanguage: "fr" }) },
  { file: "api/me/avatar/route.ts", method: "POST", action: "personal_settings:update", formData: () => { const form = new FormData(); form.set("avatar", new Blob([PNG], { type: "image/png" }), "me.png"); return form; } },
  { file: "api/me/avatar/route.ts", method: "DELETE", action: "personal_settings:update" },
  { file: "api/me/notifications/route.ts", method: "PUT", action: "personal_settings:update", body: () => ({ sound: false, desktop: true, badge: true }) },
  { file: "api/me/sessions/route.ts", method: "DELETE", action: "personal_settings:update" },
  { file: "api/me/password/route.ts", method: "POST", action: "personal_settings:update", body: () => ({ currentPassword: TEST_PASSWORD, newPassword: "lantern orchard violet 2026", confirmPassword: "lantern orchard violet 2026" }) },
  { file: "api/me/email-verification/route.ts", method: "POST", action: "personal_settings:update" },
  { file: "api/team/identity-secret/route.ts", method: "GET", action: "settings:update" },
  { file: "api/team/identity-secret/route.ts", method: "POST", action: "settings:update" },
  // AUTO-1, AUTO-6: the automation settings (owners and admins).
  { file: "api/settings/automation/route.ts", method: "GET", action: "automation:update" },
  { file: "api/settings/automation/greeting/route.ts", method: "GET", action: "automation:update" },
  { file: "api/settings/automation/greeting/route.ts", method: "PUT", action: "automation:update", body: () => ({ enabled: true, template: "Hi {buyer}", repeatAfterHours: 12 }) },
  { file: "api/settings/automation/proactive/route.ts", method: "GET", action: "automation:update" },
  { file: "api/settings/automation/proactive/route.ts", method: "PUT", action: "automation:update", body: () => ({ templates: [{ status: "shipped", enabled: true, template: "{order_id} shipped" }] }) },
  // AUTO-5: the chatbot switch.
  { file: "api/settings/automation/chatbot/route.ts", method: "GET", action: "automation:update" },
  { file: "api/settings/automation/chatbot/route.ts", method: "PUT", action: "automation:update", body: () => ({ enabled: false }) },
  // SET-3: the shop's translation default.
  { file: "api/settings/translation/route.ts", method: "GET", action: "settings:read" },
  { file: "api/settings/translation/route.ts", method: "PUT", action: "settings:update", body: () => ({ mode: "off" }) },
];

/** Routes that are public on purpose, each with its own authentication (tested below). */
const PUBLIC_ROUTES = [
  { file: "api/team/avatars/[fileName]/route.ts", methods: ["GET"], authentication: "none: buyers see avatars (TEAM-6)" },
];

const APP_DIR = path.resolve(import.meta.dirname, "../../src/app");

/** The action a member route was declared with (defineMemberRoute labels its handler). */
const actionOf = (handler: RouteHandler): string | undefined => (handler as Partial<MemberRouteHandler>).requiredAction;

async function loadHandler(file: string, method: Method): Promise<RouteHandler> {
  const module = (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as Record<string, unknown>;
  const handler = module[method];
  if (typeof handler !== "function") throw new Error(`${file} exports no ${method}`);
  return handler as RouteHandler;
}

async function call(route: RouteCase, fx: Fixture): Promise<{ status: number; text: string; body: { data?: unknown; error?: { code: string; fieldErrors?: unknown } } | null }> {
  const handler = await loadHandler(route.file, route.method);
  const url = `http://localhost/${route.file.replace(/\/route\.ts$/, "")}`;
  const body = route.formData ? route.formData() : route.body ? JSON.stringify(route.body(fx)) : undefined;
  const request = signedInRequest(url, { method: route.method, body, headers: route.body ? { "content-type": "application/json" } : undefined });
  const response = await handler(request, { params: Promise.resolve(route.params?.(fx) ?? {}) });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as never) : null };
}

async function listRouteFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(APP_DIR, directory), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => path.relative(APP_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe("TEAM-1 every team and settings route declares its permission", () => {
  it("TEAM-1 AUTO-1 AUTO-5 AUTO-6 SET-3 the table above covers every exported handler under api/team, api/me, api/settings/automation and api/settings/translation", async () => {
    const files = [...(await listRouteFiles("api/team")), ...(await listRouteFiles("api/me")), ...(await listRouteFiles("api/settings/automation")), ...(await listRouteFiles("api/settings/translation"))];
    const exported: string[] = [];
    for (const file of files) {
      const module = (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof module[method] === "function") exported.push(`${method} ${file}`);
    }
    const covered = [
      ...ROUTES.map((route) => `${route.method} ${route.file}`),
      ...PUBLIC_ROUTES.flatMap((route) => route.methods.map((method) => `${method} ${route.file}`)),
    ];
    expect(exported.sort()).toEqual(covered.sort());
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.file}`, route] as const))("TEAM-1 %s is declared with its action", async (_name, route) => {
    expect(actionOf(await loadHandler(route.file, route.method))).toBe(route.action);
  });

  it("TEAM-1 public routes are not member routes", async () => {
    for (const route of PUBLIC_ROUTES) {
      for (const method of route.methods) expect(actionOf(await loadHandler(route.file, method as Method))).toBeUndefined();
    }
  });
});

type ActorKind = "owner" | "admin" | "agent" | "other shop's owner" | "deactivated member" | "signed out";
const ACTOR_KINDS: ActorKind[] = ["owner", "admin", "agent", "other shop's owner", "deactivated member", "signed out"];

describe("TEAM-1 NF-3 route-by-role checks", async () => {
  const otherShop = await createTeam(db);
  const cases = ROUTES.flatMap((route) => ACTOR_KINDS.map((actor) => [`${route.method} ${route.file} as ${actor}`, route, actor] as const));

  it.each(cases)("TEAM-1 %s", async (_name, route, actorKind) => {
    const fx = await createFixture();
    await signInAs(db, {
      owner: { userId: fx.owner.userId, shopId: fx.shop.id },
      admin: { userId: fx.admin.userId, shopId: fx.shop.id },
      agent: { userId: fx.agent.userId, shopId: fx.shop.id },
      "other shop's owner": { userId: otherShop.owner.userId, shopId: otherShop.shop.id },
      "deactivated member": { userId: fx.deactivated.userId, shopId: fx.shop.id },
      "signed out": null,
    }[actorKind]);
    const result = await call(route, fx);

    if (actorKind === "signed out" || actorKind === "deactivated member") {
      expect(result.status).toBe(401);
      expect(result.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
      return;
    }
    const role = actorKind === "other shop's owner" ? "owner" : actorKind;
    const isAllowed = rolesAllowed(route.action, ["owner", "admin"]).includes(role);
    if (!isAllowed) {
      expect(result.status).toBe(403);
      expect(result.body).toEqual({ error: { code: "FORBIDDEN", message: expect.stringContaining(`Your role (${role})`) } });
      return;
    }
    if (actorKind === "other shop's owner") {
      if (route.isScopedToRecord) {
        expect(result.status).toBe(404);
        expect(result.body?.data).toBeUndefined();
      } else {
        expect(result.status).toBe(200);
      }
      // Whatever the answer, nothing of the first shop's people leaks into it.
      for (const secret of [fx.owner.user.email, fx.admin.user.email, fx.agent.user.email, fx.target.user.email, fx.invitation.email]) {
        expect(result.text).not.toContain(secret);
      }
      return;
    }
    expect(result.status, result.text).toBe(200);
    expect(result.body).toHaveProperty("data");
  });

  it("checks every route against all six callers", () => {
    expect(cases).toHaveLength(ROUTES.length * ACTOR_KINDS.length);
    expect(ROLES).toHaveLength(3);
  });
});

describe("NF-3 route input validation", () => {
  it.each(ROUTES.filter((route) => route.body).map((route) => [`${route.method} ${route.file}`, route] as const))("%s answers 400 with field errors for a bad body", async (_name, route) => {
    const fx = await createFixture();
    await signInAs(db, { userId: fx.owner.userId, shopId: fx.shop.id });
    const result = await call({ ...route, body: () => ({ unexpected: true }) }, fx);
    expect(result.status).toBe(400);
    expect(result.body?.error).toMatchObject({ code: "BAD_INPUT", fieldErrors: expect.any(Object) });
  });

  it("SET-1 the avatar route refuses a file that is not an image, whatever it claims", async () => {
    const fx = await createFixture();
    await signInAs(db, { userId: fx.agent.userId, shopId: fx.shop.id });
    const form = new FormData();
    form.set("avatar", new Blob(["<html><script>alert(1)</script>"], { type: "image/png" }), "evil.png");
    const result = await call({ ...ROUTES.find((route) => route.file === "api/me/avatar/route.ts" && route.method === "POST")!, formData: () => form }, fx);
    expect(result.status).toBe(415);
    expect(result.body?.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", fieldErrors: { avatar: expect.any(Array) } });
  });
});

describe("public routes", () => {
  it("TEAM-6 serves an uploaded avatar to anyone, with its sniffed type, and nothing else", async () => {
    const fx = await createFixture();
    await signInAs(db, { userId: fx.agent.userId, shopId: fx.shop.id });
    const upload = await call(ROUTES.find((route) => route.file === "api/me/avatar/route.ts" && route.method === "POST")!, fx);
    const avatarUrl = (upload.body?.data as { avatarUrl: string }).avatarUrl;
    signOut();
    const get = await loadHandler("api/team/avatars/[fileName]/route.ts", "GET");
    const fileName = avatarUrl.split("/").pop()!;
    const response = await get(signedInRequest(`http://localhost${avatarUrl}`), { params: Promise.resolve({ fileName }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    for (const name of ["../../../etc/passwd", "auth-secret", `${fileName}/..`]) {
      const refused = await get(signedInRequest("http://localhost/x"), { params: Promise.resolve({ fileName: name }) });
      expect(refused.status).toBe(404);
    }
  });

  it("TEAM-2 the accept route validates with zod, answers in the same error shape and works once", async () => {
    const fx = await createFixture();
    const { token, tokenHash } = createInvitationToken();
    await db.invitation.create({ data: { shopId: fx.shop.id, email: "route-accept@example.test", role: "agent", tokenHash, expiresAt: invitationExpiry(new Date()) } });
    const accept = await loadHandler("invitations/[token]/accept/route.ts", "POST");
    const post = (body: unknown, tokenValue = token) =>
      accept(signedInRequest("http://localhost/x", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({ token: tokenValue }) });

    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    const invalid = await post({ nickname: "", password: 5 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "BAD_INPUT", fieldErrors: { nickname: expect.any(Array), password: expect.any(Array) } } });
    expect((await post({ nickname: "Rae", password: "long enough password" }, "y".repeat(43))).status).toBe(404);

    const ok = await post({ nickname: "Rae", password: "long enough password", confirmPassword: "long enough password" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { shopId: fx.shop.id, shopName: fx.shop.name, email: "route-accept@example.test", isNewAccount: true } });
    const reused = await post({ nickname: "Rae", password: "long enough password" });
    expect(reused.status).toBe(410);
    expect(await reused.json()).toEqual({ error: { code: "GONE", message: expect.stringMatching(/already been used/) } });
  });
});
