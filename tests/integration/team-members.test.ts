// TEAM-3, TEAM-4: role changes, deactivation that takes effect at once (live console dropped on
// a real Socket.IO server, open sessions requeued), activation, deletion, the team table with
// capacity and accept switch, and nickname review.
import { applyServiceResult } from "../../src/server/services/apply-service-result";
import type { ServiceResult } from "../../src/server/services/service-result";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { signInCookie } from "../factories/session-cookie";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "../../src/core/errors";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { SignInError, signIn } from "../../src/server/services/sign-in";
import { activateMember } from "../../src/server/services/team/activate-member";
import { changeMemberRole } from "../../src/server/services/team/change-member-role";
import { deactivateMember } from "../../src/server/services/team/deactivate-member";
import { deleteMember } from "../../src/server/services/team/delete-member";
import { listTeam } from "../../src/server/services/team/list-team";
import { reviewNickname } from "../../src/server/services/team/review-nickname";
import { updateTeamMember } from "../../src/server/services/team/update-team-member";
import { CONSOLE_NAMESPACE, type MemberChangedEvent } from "../../src/shared/events";
import { TEST_PASSWORD, createBuyer, createMember } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { createTeam } from "./team-fixtures";

const SECRET = "team-members-test-secret-at-least-32-chars";
const { db } = await useTestDatabase();
// The services return their live effects; apply them as the routes do (publish, then drain).
const applied = async <T,>(result: Promise<ServiceResult<T>>): Promise<T> => applyServiceResult(db, await result);
let httpServer: HttpServer;
let realtime: RealtimeServer;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  realtime = await createRealtimeServer(httpServer, { db, authSecret: SECRET });
  registerRealtime(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect());
  registerRealtime(undefined);
  await realtime.close();
});

async function openConsole(member: { userId: string; shopId: string }): Promise<Socket> {
  const { cookie } = await signInCookie(db, member, SECRET);
  const socket = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie }, reconnection: false, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("console.ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

type Team = Awaited<ReturnType<typeof createTeam>>;

/** An open chat held by the team's target member. */
async function sessionHeldByTarget(team: Team) {
  const buyer = await createBuyer(db, { shopId: team.shop.id });
  const conversation = await db.conversation.create({ data: { shopId: team.shop.id, buyerId: buyer.id } });
  const session = await db.chatSession.create({
    data: { shopId: team.shop.id, conversationId: conversation.id, state: "open", assigneeId: team.target.id, assignedAt: new Date() },
  });
  await db.conversation.update({ where: { id: conversation.id }, data: { activeSessionId: session.id } });
  await db.member.update({ where: { id: team.target.id }, data: { openSessionCount: 1 } });
  return session;
}

/** The session went back to Unassigned (nobody else has a console open here, ASSIGN-4), recorded as the owner's requeue. */
async function expectRequeued(team: Team, sessionId: string): Promise<void> {
  expect(await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ state: "queued", assigneeId: null });
  expect((await db.member.findUniqueOrThrow({ where: { id: team.target.id } })).openSessionCount).toBe(0);
  expect(await db.assignment.findFirst({ where: { sessionId, kind: "requeue" } })).toMatchObject({ fromMemberId: team.target.id, actorMemberId: team.owner.id });
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function signInCode(email: string): Promise<string> {
  try {
    await signIn(db, { email, password: TEST_PASSWORD });
    return "ok";
  } catch (error) {
    return error instanceof SignInError ? error.code : "thrown";
  }
}

describe("TEAM-3 deactivation", () => {
  it("TEAM-3 drops the member's live console at once, requeues their open sessions (recorded as a requeue) and refuses them everywhere", async () => {
    const team = await createTeam(db);
    const held = await sessionHeldByTarget(team);
    const consoleSocket = await openConsole(team.target);
    const ownerSocket = await openConsole(team.owner);
    const revoked = new Promise<{ message: string; reason: string }>((resolve) => consoleSocket.once("access.revoked", resolve));
    const dropped = new Promise<string>((resolve) => consoleSocket.once("disconnect", resolve));
    const changed = new Promise<MemberChangedEvent>((resolve) => ownerSocket.on("member.changed", (event: MemberChangedEvent) => event.change === "deactivated" && resolve(event)));

    const result = await applied(deactivateMember(db, { actor: team.actors.owner, memberId: team.target.id }));

    expect(result.status).toBe("deactivated");
    expect(await revoked).toMatchObject({ message: expect.stringMatching(/deactivated/), reason: "deactivated" });
    expect(await dropped).toBe("io server disconnect");
    expect(await changed).toEqual({ memberId: team.target.id, change: "deactivated" });
    await expectRequeued(team, held.id);
    expect(await resolveMemberContext(db, { userId: team.target.userId, shopId: team.shop.id })).toBeNull();
    expect(await signInCode(team.target.user.email)).toBe("deactivated");
    // Reconnecting is refused too.
    await expect(openConsole(team.target)).rejects.toThrow("unauthorized");
  });

  it("TEAM-3 activates the member again, who can then sign in and connect", async () => {
    const team = await createTeam(db);
    await applied(deactivateMember(db, { actor: team.actors.owner, memberId: team.target.id }));
    const result = await applied(activateMember(db, { actor: team.actors.owner, memberId: team.target.id }));
    expect(result.status).toBe("active");
    expect(await signInCode(team.target.user.email)).toBe("ok");
    await openConsole(team.target);
  });

  it("TEAM-3 never deactivates or deletes the owner, and only the owner manages users", async () => {
    const team = await createTeam(db);
    const held = await sessionHeldByTarget(team);
    await expectAppError(applied(deactivateMember(db, { actor: team.actors.owner, memberId: team.owner.id })), "FORBIDDEN");
    await expectAppError(applied(deleteMember(db, { actor: team.actors.owner, memberId: team.owner.id })), "FORBIDDEN");
    await expectAppError(applied(changeMemberRole(db, { actor: team.actors.owner, memberId: team.owner.id, role: "admin" })), "FORBIDDEN");
    for (const actor of [team.actors.admin, team.actors.agent]) {
      await expectAppError(applied(deactivateMember(db, { actor, memberId: team.target.id })), "FORBIDDEN");
      await expectAppError(applied(activateMember(db, { actor, memberId: team.target.id })), "FORBIDDEN");
      await expectAppError(applied(deleteMember(db, { actor, memberId: team.target.id })), "FORBIDDEN");
      await expectAppError(applied(changeMemberRole(db, { actor, memberId: team.target.id, role: "admin" })), "FORBIDDEN");
      await expectAppError(applied(reviewNickname(db, { actor, memberId: team.target.id, decision: "approve" })), "FORBIDDEN");
    }
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ state: "open", assigneeId: team.target.id });
    const target = await db.member.findUniqueOrThrow({ where: { id: team.target.id } });
    expect(target).toMatchObject({ status: "active", role: "agent", deletedAt: null });
  });

  it("refuses to touch a member of another shop (not found, nothing changed)", async () => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const otherOwner = other.actors.owner;
    await expectAppError(applied(deactivateMember(db, { actor: otherOwner, memberId: team.target.id })), "NOT_FOUND");
    await expectAppError(applied(activateMember(db, { actor: otherOwner, memberId: team.target.id })), "NOT_FOUND");
    await expectAppError(applied(deleteMember(db, { actor: otherOwner, memberId: team.target.id })), "NOT_FOUND");
    await expectAppError(applied(changeMemberRole(db, { actor: otherOwner, memberId: team.target.id, role: "admin" })), "NOT_FOUND");
    await expectAppError(applied(updateTeamMember(db, { actor: otherOwner, memberId: team.target.id, changes: { maxCapacity: 5 } })), "NOT_FOUND");
    await expectAppError(applied(reviewNickname(db, { actor: otherOwner, memberId: team.target.id, decision: "approve" })), "NOT_FOUND");
    await expectAppError(applied(updateTeamMember(db, { actor: otherOwner, memberId: "not-a-uuid", changes: { maxCapacity: 5 } })), "NOT_FOUND");
    const target = await db.member.findUniqueOrThrow({ where: { id: team.target.id } });
    expect(target).toMatchObject({ status: "active", role: "agent", maxCapacity: 200, deletedAt: null });
    expect((await listTeam(db, { actor: otherOwner })).map((row) => row.memberId)).not.toContain(team.target.id);
  });
});

describe("TEAM-3 deletion and roles", () => {
  it("TEAM-3 a deleted member can no longer sign in; rows stay for history", async () => {
    const team = await createTeam(db);
    const held = await sessionHeldByTarget(team);
    const socket = await openConsole(team.target);
    const revoked = new Promise<{ message: string; reason: string }>((resolve) => socket.once("access.revoked", resolve));
    const result = await applied(deleteMember(db, { actor: team.actors.owner, memberId: team.target.id }));
    expect(result).toEqual({ memberId: team.target.id, isUserDeleted: true });
    expect(await revoked).toMatchObject({ message: expect.stringMatching(/removed/), reason: "removed" });
    await expectRequeued(team, held.id);

    const member = await db.member.findUniqueOrThrow({ where: { id: team.target.id }, include: { user: true } });
    expect(member.deletedAt).not.toBeNull();
    expect(member.status).toBe("deactivated");
    expect(member.user.deletedAt).not.toBeNull();
    expect(await signInCode(team.target.user.email)).toBe("invalid_credentials");
    expect((await listTeam(db, { actor: team.actors.owner })).map((row) => row.memberId)).not.toContain(team.target.id);
    await expectAppError(applied(activateMember(db, { actor: team.actors.owner, memberId: team.target.id })), "NOT_FOUND");
  });

  it("TEAM-3 deleting a member of two shops keeps the user for the other shop", async () => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const person = await createMember(db, { shopId: other.shop.id });
    const here = await createMember(db, { shopId: team.shop.id, userId: person.userId, nickname: "TwoShops" });
    const result = await applied(deleteMember(db, { actor: team.actors.owner, memberId: here.id }));
    expect(result.isUserDeleted).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).deletedAt).toBeNull();
    expect(await signIn(db, { email: person.user.email, password: TEST_PASSWORD })).toMatchObject({ shopId: other.shop.id });
    expect(await resolveMemberContext(db, { userId: person.userId, shopId: team.shop.id })).toBeNull();
  });

  it("TEAM-3 the owner changes a role; the member's consoles reconnect to pick it up; the email is not editable", async () => {
    const team = await createTeam(db);
    const socket = await openConsole(team.target);
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const result = await applied(changeMemberRole(db, { actor: team.actors.owner, memberId: team.target.id, role: "admin" }));
    expect(result.role).toBe("admin");
    expect(await dropped).toBe("io server disconnect");
    expect((await resolveMemberContext(db, { userId: team.target.userId, shopId: team.shop.id }))?.role).toBe("admin");
    await expectAppError(applied(changeMemberRole(db, { actor: team.actors.owner, memberId: team.target.id, role: "owner" as "admin" })), "BAD_INPUT");
    // No service takes an email: the team update schema refuses the field outright.
    await expectAppError(applied(updateTeamMember(db, { actor: team.actors.owner, memberId: team.target.id, changes: { email: "new@example.test" } as never })), "BAD_INPUT");
  });
});

describe("TEAM-4 team table", () => {
  it("TEAM-4 lists avatar, nickname, email, role, capacity, open chats and accept switch, owner first", async () => {
    const team = await createTeam(db);
    await db.member.update({ where: { id: team.agent.id }, data: { openSessionCount: 3, avatarUrl: "/api/team/avatars/x.png" } });
    await applied(deactivateMember(db, { actor: team.actors.owner, memberId: team.target.id }));
    for (const actor of [team.actors.owner, team.actors.admin]) {
      const rows = await listTeam(db, { actor });
      expect(rows.map((row) => row.role)).toEqual(["owner", "admin", "agent", "agent"]);
      expect(rows.find((row) => row.memberId === team.agent.id)).toMatchObject({
        nickname: team.agent.nickname,
        email: team.agent.user.email,
        avatarUrl: "/api/team/avatars/x.png",
        maxCapacity: 200,
        openSessionCount: 3,
        acceptAutoAssign: true,
        status: "active",
      });
      expect(rows.find((row) => row.memberId === team.target.id)?.status).toBe("deactivated");
    }
    await expectAppError(listTeam(db, { actor: team.actors.agent }), "FORBIDDEN");
  });

  it("TEAM-4 capacity takes 1 to 999; owners and admins set it and the accept switch, live", async () => {
    const team = await createTeam(db);
    const watcher = await openConsole(team.agent);
    const events: MemberChangedEvent[] = [];
    watcher.on("member.changed", (event: MemberChangedEvent) => events.push(event));
    for (const bad of [0, 1000, 2.5, -1]) {
      const error = await expectAppError(applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { maxCapacity: bad } })), "BAD_INPUT");
      expect(error.fieldErrors?.maxCapacity).toBeDefined();
    }
    expect((await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { maxCapacity: 1 } }))).maxCapacity).toBe(1);
    expect((await applied(updateTeamMember(db, { actor: team.actors.owner, memberId: team.target.id, changes: { maxCapacity: 999, acceptAutoAssign: false } }))))
      .toMatchObject({ maxCapacity: 999, acceptAutoAssign: false });
    await expectAppError(applied(updateTeamMember(db, { actor: team.actors.agent, memberId: team.target.id, changes: { maxCapacity: 5 } })), "FORBIDDEN");
    await vi.waitFor(() => expect(events).toContainEqual({ memberId: team.target.id, change: "updated" }));
  });
});

describe("TEAM-4 nickname review", () => {
  it("TEAM-4 a nickname matching the review list waits for the owner; buyers keep the old one", async () => {
    const team = await createTeam(db, { reviewWords: ["official", "support team"] });
    const pending = await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { nickname: "Official Helper" } }));
    expect(pending).toMatchObject({ nickname: team.target.nickname, pendingNickname: "Official Helper", nicknameReview: "under_review" });

    const approved = await applied(reviewNickname(db, { actor: team.actors.owner, memberId: team.target.id, decision: "approve" }));
    expect(approved).toMatchObject({ nickname: "Official Helper", pendingNickname: null, nicknameReview: "approved" });
    await expectAppError(applied(reviewNickname(db, { actor: team.actors.owner, memberId: team.target.id, decision: "approve" })), "CONFLICT");

    await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { nickname: "Our SUPPORT TEAM" } }));
    const rejected = await applied(reviewNickname(db, { actor: team.actors.owner, memberId: team.target.id, decision: "reject" }));
    expect(rejected).toMatchObject({ nickname: "Official Helper", pendingNickname: null, nicknameReview: "approved" });
  });

  it("TEAM-4 the owner's own choice of nickname needs no review; a clean nickname applies at once", async () => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    expect(await applied(updateTeamMember(db, { actor: team.actors.owner, memberId: team.target.id, changes: { nickname: "Official Owner Pick" } })))
      .toMatchObject({ nickname: "Official Owner Pick", nicknameReview: "approved" });
    expect(await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { nickname: "Plain Name" } })))
      .toMatchObject({ nickname: "Plain Name", pendingNickname: null, nicknameReview: "approved" });
  });
});
