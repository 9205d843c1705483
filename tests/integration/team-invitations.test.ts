// TEAM-2: invitations by email. Tokens are stored hashed, work once, expire after 120 hours
// (clock injected), can be resent (the old link dies) or revoked; an existing user joins a
// second shop without a new password. Mail goes through a real SMTP server in the test.
import { applyServiceResult } from "../../src/server/services/apply-service-result";
import type { ServiceResult } from "../../src/server/services/service-result";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors";
import { createMailer } from "../../src/server/mail/mailer";
import { signIn } from "../../src/server/services/sign-in";
import { acceptInvitation } from "../../src/server/services/team/accept-invitation";
import { describeInvitation } from "../../src/server/services/team/describe-invitation";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { listInvitations } from "../../src/server/services/team/list-invitations";
import { listTeam } from "../../src/server/services/team/list-team";
import { resendInvitation } from "../../src/server/services/team/resend-invitation";
import { revokeInvitation } from "../../src/server/services/team/revoke-invitation";
import { createMember, TEST_PASSWORD } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { createMemoryMailer, createTeam, invitationTokenFrom, startSmtpCapture } from "./team-fixtures";

const { db } = await useTestDatabase();
// The services return their live effects; apply them as the routes do (publish, then drain).
const applied = async <T,>(result: Promise<ServiceResult<T>>): Promise<T> => applyServiceResult(db, await result);
const HOUR = 3_600_000;
const T0 = new Date("2026-03-02T09:00:00.000Z");
const NEW_PASSWORD = "a brand new password";
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function invite(team: Awaited<ReturnType<typeof createTeam>>, email: string, now = T0) {
  const mailer = createMemoryMailer();
  const result = await inviteMember(db, { actor: team.actors.owner, email, role: "agent", defaultLanguage: "es", now }, { mailer, baseUrl: "http://app.test" });
  return { ...result, token: invitationTokenFrom(mailer.sent[0]!.text), mail: mailer.sent[0]! };
}

describe("TEAM-2 inviting a user", () => {
  it("TEAM-2 stores only the sha256 of the token, sends the link by SMTP and expires in 120 h", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ smtpUrl: smtp.url, from: "Counterpart <no-reply@counterpart.local>", dataDir: "/nonexistent", isProduction: true });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "  New.Person@Example.TEST ", role: "agent", defaultLanguage: "de", now: T0 }, { mailer, baseUrl: "http://app.test" });

    expect(result.delivery.status).toBe("sent");
    expect(result.invitation).toMatchObject({ email: "new.person@example.test", role: "agent", defaultLanguage: "de", isExpired: false });
    const mail = await smtp.waitForMail("new.person@example.test");
    expect(mail.from).toBe("no-reply@counterpart.local");
    expect(mail.decoded).toContain(`Join ${team.shop.name} on Counterpart`);
    const token = invitationTokenFrom(mail.decoded);
    expect(mail.decoded).toContain(`http://app.test/invitations/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(43);

    const row = await db.invitation.findUniqueOrThrow({ where: { id: result.invitation.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - T0.getTime()).toBe(120 * HOUR);
    expect(row.invitedById).toBe(team.owner.id);
  });

  it("TEAM-2 creates the invitation even when the mail server refuses, and says the email was not sent", async () => {
    const team = await createTeam(db);
    const broken = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "x <x@y.test>", dataDir: "/nonexistent", isProduction: true, timeoutMs: 3_000 });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "unlucky@example.test", role: "admin", defaultLanguage: "en", now: T0 }, { mailer: broken });
    expect(result.delivery.status).toBe("failed");
    expect(result.delivery.message).toMatch(/could not be sent/);
    expect(await db.invitation.count({ where: { shopId: team.shop.id, email: "unlucky@example.test" } })).toBe(1);

    // Resend once the mail server works again.
    const working = createMailer({ smtpUrl: smtp.url, from: "x <x@y.test>", dataDir: "/nonexistent", isProduction: true });
    const resent = await resendInvitation(db, { actor: team.actors.owner, invitationId: result.invitation.id, now: T0 }, { mailer: working });
    expect(resent.delivery.status).toBe("sent");
    await smtp.waitForMail("unlucky@example.test");
  });

  it("TEAM-2 lists invited users apart from added ones until they accept", async () => {
    const team = await createTeam(db);
    const { token } = await invite(team, "joiner@example.test");
    expect((await listInvitations(db, { actor: team.actors.owner, now: T0 })).map((row) => row.email)).toEqual(["joiner@example.test"]);
    expect((await listTeam(db, { actor: team.actors.owner })).map((row) => row.email)).not.toContain("joiner@example.test");

    await applied(acceptInvitation(db, { token, nickname: "Joiner", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now: new Date(T0.getTime() + HOUR) }));

    expect(await listInvitations(db, { actor: team.actors.owner, now: T0 })).toEqual([]);
    const added = (await listTeam(db, { actor: team.actors.owner })).find((row) => row.email === "joiner@example.test");
    expect(added).toMatchObject({ nickname: "Joiner", role: "agent", status: "active", defaultLanguage: "es" });
  });

  it("refuses bad input with field errors and never invites an owner", async () => {
    const team = await createTeam(db);
    const bad = await expectAppError(inviteMember(db, { actor: team.actors.owner, email: "not-an-email", role: "agent", defaultLanguage: "en" }), "BAD_INPUT");
    expect(bad.fieldErrors?.email).toBeDefined();
    const owner = await expectAppError(inviteMember(db, { actor: team.actors.owner, email: "x@example.test", role: "owner" as "admin", defaultLanguage: "en" }), "BAD_INPUT");
    expect(owner.fieldErrors?.role).toBeDefined();
    await expectAppError(inviteMember(db, { actor: team.actors.owner, email: "x@example.test", role: "agent", defaultLanguage: "xx" as "en" }), "BAD_INPUT");
    expect(await db.invitation.count({ where: { shopId: team.shop.id } })).toBe(0);
  });

  it("refuses inviting a current member or someone already invited, and supersedes an expired invitation", async () => {
    const team = await createTeam(db);
    const conflict = await expectAppError(inviteMember(db, { actor: team.actors.owner, email: team.agent.user.email, role: "agent", defaultLanguage: "en" }, { mailer: createMemoryMailer() }), "CONFLICT");
    expect(conflict.fieldErrors?.email?.[0]).toMatch(/already a member/);

    const first = await invite(team, "twice@example.test");
    await expectAppError(invite(team, "twice@example.test", new Date(T0.getTime() + HOUR)), "CONFLICT");
    const later = new Date(T0.getTime() + 121 * HOUR);
    const second = await invite(team, "twice@example.test", later);
    expect(second.invitation.id).not.toBe(first.invitation.id);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitation.id } })).revokedAt).toEqual(later);
    expect((await listInvitations(db, { actor: team.actors.owner, now: later })).map((row) => row.id)).toEqual([second.invitation.id]);
  });

  it("TEAM-1 admins, agents and other shops cannot invite, list, resend or revoke", async () => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    const { invitation } = await invite(team, "guarded@example.test");
    for (const actor of [team.actors.admin, team.actors.agent]) {
      await expectAppError(inviteMember(db, { actor, email: "sneaky@example.test", role: "agent", defaultLanguage: "en" }, { mailer: createMemoryMailer() }), "FORBIDDEN");
      await expectAppError(listInvitations(db, { actor }), "FORBIDDEN");
      await expectAppError(resendInvitation(db, { actor, invitationId: invitation.id }, { mailer: createMemoryMailer() }), "FORBIDDEN");
      await expectAppError(revokeInvitation(db, { actor, invitationId: invitation.id }), "FORBIDDEN");
    }
    await expectAppError(resendInvitation(db, { actor: other.actors.owner, invitationId: invitation.id }, { mailer: createMemoryMailer() }), "NOT_FOUND");
    await expectAppError(revokeInvitation(db, { actor: other.actors.owner, invitationId: invitation.id }), "NOT_FOUND");
    expect(await listInvitations(db, { actor: other.actors.owner })).toEqual([]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });
});

describe("TEAM-2 activation links", () => {
  it("TEAM-2 a new user sets a password, joins and can sign in; the link then says it was used", async () => {
    const team = await createTeam(db);
    const { token } = await invite(team, "fresh@example.test");
    const view = await describeInvitation(db, { token, now: T0 });
    expect(view).toMatchObject({ status: "pending", shopName: team.shop.name, email: "fresh@example.test", role: "agent", account: "new_account" });

    const accepted = await applied(acceptInvitation(db, { token, nickname: "Fresh", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now: T0 }));
    expect(accepted).toMatchObject({ shopId: team.shop.id, email: "fresh@example.test", isNewAccount: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "fresh@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signIn(db, { email: "fresh@example.test", password: NEW_PASSWORD })).toMatchObject({ shopId: team.shop.id });

    const again = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Fresh", password: NEW_PASSWORD, now: T0 })), "GONE");
    expect(again.message).toMatch(/already been used/);
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ status: "used", message: expect.stringMatching(/already been used/) });
  });

  it("TEAM-2 the link expires exactly 120 hours after it was sent", async () => {
    const team = await createTeam(db);
    const { token } = await invite(team, "late@example.test");
    const atExpiry = new Date(T0.getTime() + 120 * HOUR);
    expect(await describeInvitation(db, { token, now: new Date(atExpiry.getTime() - 1) })).toMatchObject({ status: "pending" });
    expect(await describeInvitation(db, { token, now: atExpiry })).toMatchObject({ status: "expired", message: expect.stringMatching(/expired.*120 hours/) });
    const error = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Late", password: NEW_PASSWORD, now: atExpiry })), "GONE");
    expect(error.message).toMatch(/expired/);
    expect(await db.user.findUnique({ where: { email: "late@example.test" } })).toBeNull();
    expect((await listInvitations(db, { actor: team.actors.owner, now: atExpiry }))[0]).toMatchObject({ email: "late@example.test", isExpired: true });
  });

  it("TEAM-2 resend issues a new link and a new 120 h window; the old link stops working", async () => {
    const team = await createTeam(db);
    const { token: oldToken, invitation } = await invite(team, "resend@example.test");
    const mailer = createMemoryMailer();
    const later = new Date(T0.getTime() + 100 * HOUR);
    const resent = await resendInvitation(db, { actor: team.actors.owner, invitationId: invitation.id, now: later }, { mailer, baseUrl: "http://app.test" });
    const newToken = invitationTokenFrom(mailer.sent[0]!.text);
    expect(newToken).not.toBe(oldToken);
    expect(resent.invitation.expiresAt).toBe(new Date(later.getTime() + 120 * HOUR).toISOString());

    expect(await describeInvitation(db, { token: oldToken, now: later })).toMatchObject({ status: "invalid" });
    await expectAppError(applied(acceptInvitation(db, { token: oldToken, nickname: "Old", password: NEW_PASSWORD, now: later })), "NOT_FOUND");
    // Past the first window, inside the second.
    await applied(acceptInvitation(db, { token: newToken, nickname: "Resent", password: NEW_PASSWORD, now: new Date(T0.getTime() + 150 * HOUR) }));
    await expectAppError(resendInvitation(db, { actor: team.actors.owner, invitationId: invitation.id }, { mailer }), "CONFLICT");
  });

  it("TEAM-2 a revoked invitation's link says it was revoked", async () => {
    const team = await createTeam(db);
    const { token, invitation } = await invite(team, "revoked@example.test");
    await revokeInvitation(db, { actor: team.actors.owner, invitationId: invitation.id, now: T0 });
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ status: "revoked", message: expect.stringMatching(/revoked/) });
    await expectAppError(applied(acceptInvitation(db, { token, nickname: "Nope", password: NEW_PASSWORD, now: T0 })), "GONE");
    expect(await listInvitations(db, { actor: team.actors.owner, now: T0 })).toEqual([]);
  });

  it("says an unknown or malformed link is not valid", async () => {
    expect(await describeInvitation(db, { token: "x".repeat(43) })).toMatchObject({ status: "invalid", shopName: null });
    expect(await describeInvitation(db, { token: "../../etc/passwd" })).toMatchObject({ status: "invalid" });
  });

  it("TEAM-2 a link can be used once even when two submissions race", async () => {
    const team = await createTeam(db);
    const { token } = await invite(team, "racer@example.test");
    const attempts = await Promise.allSettled([1, 2, 3].map((n) => applied(acceptInvitation(db, { token, nickname: `Racer${n}`, password: NEW_PASSWORD, now: T0 }))));
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    expect(await db.member.count({ where: { shopId: team.shop.id, user: { email: "racer@example.test" } } })).toBe(1);
  });

  it("asks for a password of at least 10 characters and a nickname outside the review list", async () => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    const { token } = await invite(team, "picky@example.test");
    const short = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Picky", password: "short", now: T0 })), "BAD_INPUT");
    expect(short.fieldErrors?.password?.[0]).toMatch(/10 characters/);
    const mismatch = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Picky", password: NEW_PASSWORD, confirmPassword: "something else", now: T0 })), "BAD_INPUT");
    expect(mismatch.fieldErrors?.confirmPassword).toBeDefined();
    const reviewed = await expectAppError(applied(acceptInvitation(db, { token, nickname: "The OFFICIAL shop", password: NEW_PASSWORD, now: T0 })), "BAD_INPUT");
    expect(reviewed.fieldErrors?.nickname?.[0]).toMatch(/approval/);
    const email = await expectAppError(applied(acceptInvitation(db, { token, nickname: "picky@example.test", password: NEW_PASSWORD, now: T0 })), "BAD_INPUT");
    expect(email.fieldErrors?.nickname?.[0]).toMatch(/@/);
    // Nothing was half-written: the link still works.
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ status: "pending" });
  });
});

describe("TEAM-2 an existing user invited to a second shop", () => {
  it("TEAM-2 joins with their current password, which stays unchanged", async () => {
    const first = await createTeam(db);
    const second = await createTeam(db);
    const person = await createMember(db, { shopId: first.shop.id, nickname: "Multi" });
    const { token } = await invite(second, person.user.email);
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ status: "pending", account: "existing_account", suggestedNickname: "Multi" });

    const missing = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Multi", now: T0 })), "BAD_INPUT");
    expect(missing.fieldErrors?.password).toBeDefined();
    const wrong = await expectAppError(applied(acceptInvitation(db, { token, nickname: "Multi", password: "not the password", now: T0 })), "BAD_INPUT");
    expect(wrong.fieldErrors?.password?.[0]).toMatch(/incorrect/);

    const before = (await db.user.findUniqueOrThrow({ where: { id: person.userId } })).passwordHash;
    const accepted = await applied(acceptInvitation(db, { token, nickname: "Multi", password: TEST_PASSWORD, now: T0 }));
    expect(accepted).toMatchObject({ shopId: second.shop.id, isNewAccount: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).passwordHash).toBe(before);
    const memberships = await db.member.findMany({ where: { userId: person.userId }, orderBy: { createdAt: "asc" } });
    expect(memberships.map((member) => [member.shopId, member.status])).toEqual([[first.shop.id, "active"], [second.shop.id, "active"]]);
  });

  it("TEAM-2 joins without any password when already signed in as that user", async () => {
    const first = await createTeam(db);
    const second = await createTeam(db);
    const person = await createMember(db, { shopId: first.shop.id });
    const { token } = await invite(second, person.user.email);
    // Signed in as somebody else: the password is still required.
    await expectAppError(applied(acceptInvitation(db, { token, nickname: "Someone", sessionUserId: first.owner.userId, now: T0 })), "BAD_INPUT");
    const accepted = await applied(acceptInvitation(db, { token, nickname: "Someone", sessionUserId: person.userId, now: T0 }));
    expect(accepted.shopId).toBe(second.shop.id);
  });

  it("TEAM-3 a deleted member invited again comes back on the same membership with a new password", async () => {
    const team = await createTeam(db);
    await db.member.update({ where: { id: team.target.id }, data: { deletedAt: T0, status: "deactivated" } });
    await db.user.update({ where: { id: team.target.userId }, data: { deletedAt: T0 } });
    const { token } = await invite(team, team.target.user.email);
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ account: "new_account" });
    await applied(acceptInvitation(db, { token, nickname: "Returned", password: NEW_PASSWORD, now: T0 }));
    const member = await db.member.findUniqueOrThrow({ where: { id: team.target.id }, include: { user: true } });
    expect(member).toMatchObject({ status: "active", deletedAt: null, nickname: "Returned" });
    expect(member.user.deletedAt).toBeNull();
    expect(await signIn(db, { email: team.target.user.email, password: NEW_PASSWORD })).toMatchObject({ shopId: team.shop.id });
  });
});
