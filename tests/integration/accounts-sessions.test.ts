// Issue 15 item 4 (TEAM-3, NF-3): session cookies are revocable. Each names a sign-in session
// and carries the member's session version; every request (through the real getCurrentMember
// and defineMemberRoute) and every socket handshake checks both. Real PostgreSQL, a real
// Socket.IO server with real clients; the route handlers read the cookie the request carries.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateSessionCookie } from "../../src/server/auth/session-cookie";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { resolveSessionMember } from "../../src/server/services/resolve-member";
import { signIn } from "../../src/server/services/sign-in";
import { SESSION_LIFETIME_MS } from "../../src/server/services/sign-in-sessions";
import { activateMember } from "../../src/server/services/team/activate-member";
import { deactivateMember } from "../../src/server/services/team/deactivate-member";
import { CONSOLE_NAMESPACE } from "../../src/shared/events";
import { createMember, createShop, TEST_PASSWORD } from "../factories";
import { signInCookie } from "../factories/session-cookie";
import { useTestDatabase } from "../support/test-database";
import { createTeam } from "./team-fixtures";

const SECRET = "accounts-sessions-test-secret-32-characters";
process.env.NEXTAUTH_SECRET = SECRET;

const { db } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;
const { GET: getMe } = await import("../../src/app/api/me/route");
const { DELETE: signOutEverywhere } = await import("../../src/app/api/me/sessions/route");
const { getAuthOptions } = await import("../../src/server/auth/auth-options");

let httpServer: HttpServer;
let realtime: RealtimeServer;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  realtime = await createRealtimeServer(httpServer, { db, authSecret: SECRET, log: () => {} });
  registerRealtime(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect());
  registerRealtime(undefined);
  await realtime.close();
});

async function requestStatus(token: string, route: (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> = getMe, method = "GET") {
  const headers = { cookie: `next-auth.session-token=${token}` };
  const response = await route(new NextRequest("http://localhost/api/me", { method, headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; error?: { code: string } } };
}

function openConsole(cookie: string): Promise<{ socket: Socket; error?: string }> {
  const socket = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie }, reconnection: false, transports: ["websocket"] });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("console.ready", () => resolve({ socket }));
    socket.once("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

/** Resolves with the access.revoked message once the server has dropped the socket. */
function revocationOf(socket: Socket): Promise<{ message: string; reason: string }> {
  return new Promise((resolve) => {
    let message = "";
    socket.once("access.revoked", (event: { message: string }) => { message = event.message; });
    socket.once("disconnect", (reason) => resolve({ message, reason }));
  });
}

async function claimsOf(token: string): Promise<JWT> {
  const claims = await decode({ token, secret: SECRET });
  if (!claims) throw new Error("undecodable test cookie");
  return claims;
}

describe("revocable sessions (issue 15 item 4)", () => {
  it("NF-3 signing out revokes the cookie: a request with the old cookie is unauthenticated, its socket is dropped and refused", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const { cookie, token } = await signInCookie(db, member, SECRET);
    expect((await requestStatus(token)).status).toBe(200);
    const live = await openConsole(cookie);
    expect(live.error).toBeUndefined();
    const dropped = revocationOf(live.socket);

    // What POST /api/auth/signout runs with the decoded cookie.
    await getAuthOptions().events!.signOut!({ token: await claimsOf(token), session: undefined as never });

    expect(await dropped).toEqual({ message: "You signed out.", reason: "io server disconnect" });
    expect(await requestStatus(token)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect((await openConsole(cookie)).error).toBe("unauthorized");
  });

  it("NF-3 signing out ends only that browser's session; another sign-in of the same person goes on", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const first = await signInCookie(db, member, SECRET);
    const second = await signInCookie(db, member, SECRET);
    const otherTab = await openConsole(second.cookie);
    await getAuthOptions().events!.signOut!({ token: await claimsOf(first.token), session: undefined as never });
    expect((await requestStatus(first.token)).status).toBe(401);
    expect((await requestStatus(second.token)).status).toBe(200);
    expect(otherTab.socket.connected).toBe(true);
  });

  it("TEAM-3 deactivating and reactivating a member does not revive their old cookie", async () => {
    const team = await createTeam(db);
    const old = await signInCookie(db, team.agent, SECRET);
    expect((await requestStatus(old.token)).status).toBe(200);
    await deactivateMember(db, { actor: team.actors.owner, memberId: team.agent.id });
    expect((await requestStatus(old.token)).status).toBe(401);
    await activateMember(db, { actor: team.actors.owner, memberId: team.agent.id });

    expect((await requestStatus(old.token)).status).toBe(401);
    expect((await openConsole(old.cookie)).error).toBe("unauthorized");
    // Signing in again gives a cookie that works.
    const fresh = await signInCookie(db, team.agent, SECRET);
    expect((await requestStatus(fresh.token)).status).toBe(200);
    expect((await openConsole(fresh.cookie)).error).toBeUndefined();
  });

  it("TEAM-3 a real sign-in after reactivation carries the new session version", async () => {
    const team = await createTeam(db);
    await deactivateMember(db, { actor: team.actors.owner, memberId: team.agent.id });
    await activateMember(db, { actor: team.actors.owner, memberId: team.agent.id });
    const email = (await db.user.findUniqueOrThrow({ where: { id: team.agent.userId } })).email;
    const user = await signIn(db, { email, password: TEST_PASSWORD });
    expect(user.sessionVersion).toBe(2);
    const token = await encode({ token: { userId: user.userId, shopId: user.shopId, sessionId: user.sessionId, sessionVersion: user.sessionVersion }, secret: SECRET });
    expect((await requestStatus(token)).status).toBe(200);
  });

  it("NF-3 the absolute lifetime: 7 days from sign-in, however active, for requests and sockets alike (injected clock)", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const signedInAt = new Date("2026-03-01T09:00:00Z");
    const { cookie, token } = await signInCookie(db, member, SECRET, { now: signedInAt });
    const claims = await claimsOf(token);
    const justBefore = new Date(signedInAt.getTime() + SESSION_LIFETIME_MS - 1);
    const atTheEnd = new Date(signedInAt.getTime() + SESSION_LIFETIME_MS);
    expect(SESSION_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(await resolveSessionMember(db, claims, justBefore)).toMatchObject({ memberId: member.id });
    expect(await resolveSessionMember(db, claims, atTheEnd)).toBeNull();
    expect(await authenticateSessionCookie(db, cookie, SECRET, justBefore)).toMatchObject({ memberId: member.id });
    expect(await authenticateSessionCookie(db, cookie, SECRET, atTheEnd)).toBeNull();
    // Using the session does not move its end.
    const row = await db.signInSession.findUniqueOrThrow({ where: { id: claims.sessionId! } });
    expect(row.expiresAt.toISOString()).toBe("2026-03-08T09:00:00.000Z");
  });

  it("NF-3 a console left open is closed when its sign-in reaches its absolute end", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    // Signed in long enough ago that the 7 days end five seconds from now.
    const { cookie } = await signInCookie(db, member, SECRET, { now: new Date(Date.now() - SESSION_LIFETIME_MS + 5_000) });
    const socket = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie }, reconnection: false, transports: ["websocket"] });
    sockets.push(socket);
    const ended = revocationOf(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("console.ready", () => resolve());
      socket.once("connect_error", reject);
    });
    expect(await ended).toEqual({ message: "Your sign-in has expired. Sign in again.", reason: "io server disconnect" });
    expect((await openConsole(cookie)).error).toBe("unauthorized");
  });

  it("NF-3 sign out everywhere ends every session of the person, in every shop, and drops their consoles", async () => {
    const shop = await createShop(db);
    const otherShop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const otherMembership = await createMember(db, { shopId: otherShop.id, userId: member.userId });
    const colleague = await createMember(db, { shopId: shop.id });
    const laptop = await signInCookie(db, member, SECRET);
    const phone = await signInCookie(db, otherMembership, SECRET);
    const colleagues = await signInCookie(db, colleague, SECRET);
    const phoneConsole = await openConsole(phone.cookie);
    const colleagueConsole = await openConsole(colleagues.cookie);
    const dropped = revocationOf(phoneConsole.socket);

    expect(await requestStatus(laptop.token, signOutEverywhere, "DELETE")).toEqual({ status: 200, body: { data: { revokedSessions: 2 } } });

    expect(await dropped).toEqual({ message: "You signed out on every device.", reason: "io server disconnect" });
    expect((await requestStatus(laptop.token)).status).toBe(401);
    expect((await requestStatus(phone.token)).status).toBe(401);
    expect((await openConsole(phone.cookie)).error).toBe("unauthorized");
    expect((await requestStatus(colleagues.token)).status).toBe(200);
    expect(colleagueConsole.socket.connected).toBe(true);
  });

  it("NF-3 a cookie that names no sign-in session (issued before sessions were revocable, or claims for another user) is refused", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const other = await createMember(db, { shopId: shop.id });
    const legacy = await encode({ token: { userId: member.userId, shopId: shop.id }, secret: SECRET });
    expect((await requestStatus(legacy)).status).toBe(401);
    const othersSession = await signInCookie(db, other, SECRET);
    const borrowed = await encode({ token: { userId: member.userId, shopId: shop.id, sessionId: othersSession.sessionId, sessionVersion: 0 }, secret: SECRET });
    expect((await requestStatus(borrowed)).status).toBe(401);
    const garbled = await encode({ token: { userId: member.userId, shopId: shop.id, sessionId: "not-a-uuid", sessionVersion: 0 }, secret: SECRET });
    expect((await requestStatus(garbled)).status).toBe(401);
  });

  it("NF-3 switching shop takes the other membership's session version; a shop the person is not in is ignored", async () => {
    const shop = await createShop(db);
    const otherShop = await createShop(db);
    const strangersShop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const other = await createMember(db, { shopId: otherShop.id, userId: member.userId });
    await db.member.update({ where: { id: other.id }, data: { sessionVersion: 5 } });
    const { token } = await signInCookie(db, member, SECRET);
    const jwt = getAuthOptions().callbacks!.jwt!;
    const switched = await jwt({ token: await claimsOf(token), trigger: "update", session: { shopId: otherShop.id } } as never);
    expect(switched).toMatchObject({ shopId: otherShop.id, sessionVersion: 5 });
    expect((await requestStatus(await encode({ token: switched, secret: SECRET }))).status).toBe(200);
    const refused = await jwt({ token: await claimsOf(token), trigger: "update", session: { shopId: strangersShop.id } } as never);
    expect(refused).toMatchObject({ shopId: shop.id, sessionVersion: 0 });
  });
});

describe("after sign-in, only paths of this app (issue 15 item 7)", () => {
  it.each([
    ["https://evil.example/console", "http://localhost:3000/"],
    ["//evil.example/console", "http://localhost:3000/"],
    ["/\\evil.example", "http://localhost:3000/"],
    ["javascript:alert(1)", "http://localhost:3000/"],
    ["http://[", "http://localhost:3000/"],
    ["http://localhost:3000.evil.example/", "http://localhost:3000/"],
    ["/console?filter=mine", "http://localhost:3000/console?filter=mine"],
    ["http://localhost:3000/settings/team", "http://localhost:3000/settings/team"],
  ])("NF-3 next-auth's redirect for callbackUrl %j goes to %s", async (url, expected) => {
    const redirect = getAuthOptions().callbacks!.redirect!;
    expect(await redirect({ url, baseUrl: "http://localhost:3000" })).toBe(expected);
  });
});
