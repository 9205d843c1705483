// ACCOUNT-1, ACCOUNT-2, MAIL-1: password reset by email and change password, on a real database
// with a real SMTP server: the same answer for every email, a single-use 30-minute link stored
// only as a hash (nowhere in the database in clear, the outbox included), the throttle, strength
// rules, and sign-in sessions revoked (all after a reset, all but this one after a change).
import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { PASSWORD_RESET_LIMITS, createPasswordResetThrottle } from "../../src/server/auth/password-reset-throttle";
import { createSignInThrottle } from "../../src/server/auth/sign-in-throttle";
import { createMailer, type OutboxRecorder } from "../../src/server/mail/mailer";
import { changePassword } from "../../src/server/services/accounts/change-password";
import { requestPasswordReset } from "../../src/server/services/accounts/request-password-reset";
import { deleteStaleResetTokens, describePasswordResetLink, resetPassword } from "../../src/server/services/accounts/reset-password";
import { recordOutgoingMail } from "../../src/server/services/mail/record-outgoing-mail";
import { resolveSessionMember } from "../../src/server/services/resolve-member";
import { signIn, SignInError } from "../../src/server/services/sign-in";
import { startSignInSession } from "../../src/server/services/sign-in-sessions";
import { PASSWORD_RESET_REQUESTED } from "../../src/shared/password-reset";
import { TEST_PASSWORD } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { actorFor, createTeam, expectAppError, startSmtpCapture } from "./team-fixtures";

const { db } = await useTestDatabase();
const smtp = await startSmtpCapture();
afterAll(() => smtp.close());
const outbox: OutboxRecorder = { record: (entry) => recordOutgoingMail(db, entry) };
const smtpMailer = createMailer({ smtpUrl: smtp.url, from: "Counterpart <no-reply@counterpart.local>", outbox });
const NEW_PASSWORD = "lantern orchard violet 2026";

async function requestLink(email: string, options: { now?: Date; address?: string } = {}): Promise<string> {
  const before = smtp.mails.length;
  const answer = await requestPasswordReset(db, { email, address: options.address ?? "203.0.113.1", now: options.now, mailer: smtpMailer, baseUrl: "http://app.test" });
  expect(answer.message).toBe(PASSWORD_RESET_REQUESTED);
  const mail = smtp.mails.slice(before).find((candidate) => candidate.to.includes(email.toLowerCase()));
  const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail?.decoded ?? "")?.[1];
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
}

async function databaseText(): Promise<string> {
  const rows = await db.$queryRaw<Array<{ row: string }>>`
    SELECT row_to_json(t)::text AS row FROM "PasswordResetToken" t
    UNION ALL SELECT row_to_json(m)::text FROM "OutgoingMail" m
    UNION ALL SELECT row_to_json(u)::text FROM "User" u`;
  return rows.map((row) => row.row).join("\n");
}

describe("ACCOUNT-1 password reset by email", () => {
  it("ACCOUNT-1 mails a link; the database keeps only its hash, and the outbox copy has no link and belongs to no shop", async () => {
    const team = await createTeam(db);
    const token = await requestLink(team.agent.user.email);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: team.agent.userId } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 60_000);
    expect(await databaseText()).not.toContain(token);
    const copy = await db.outgoingMail.findFirstOrThrow({ where: { recipient: team.agent.user.email, kind: "password_reset" } });
    expect(copy).toMatchObject({ shopId: null, status: "sent", links: [], secretLinks: [] });
    expect(copy.text).toContain("[link removed]");
  });

  it("ACCOUNT-1 answers an unknown email exactly as a known one, and sends nothing", async () => {
    const before = smtp.mails.length;
    const answer = await requestPasswordReset(db, { email: "Nobody.Here@Example.test", address: "203.0.113.2", mailer: smtpMailer });
    expect(answer).toEqual({ message: PASSWORD_RESET_REQUESTED });
    expect(smtp.mails.length).toBe(before);
    expect(await db.outgoingMail.count({ where: { recipient: "nobody.here@example.test" } })).toBe(0);
  });

  it("ACCOUNT-1 the link sets a new password once; the old password stops working and every session is revoked", async () => {
    const team = await createTeam(db);
    const user = team.agent.user;
    const sessions = await Promise.all([startSignInSession(db, { userId: user.id }), startSignInSession(db, { userId: user.id })]);
    const token = await requestLink(user.email);
    expect(await describePasswordResetLink(db, { token })).toEqual({ isValid: true, email: user.email });

    const result = await resetPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ email: user.email, revokedSessions: 2 });
    const revoked = await db.signInSession.findMany({ where: { id: { in: sessions.map((session) => session.sessionId) } } });
    expect(revoked.every((session) => session.revokedAt !== null)).toBe(true);
    const member = await db.member.findFirstOrThrow({ where: { userId: user.id } });
    expect(await resolveSessionMember(db, { userId: user.id, shopId: member.shopId, sessionId: sessions[0].sessionId, sessionVersion: member.sessionVersion })).toBeNull();

    await expect(signIn(db, { email: user.email, password: TEST_PASSWORD })).rejects.toBeInstanceOf(SignInError);
    await expect(signIn(db, { email: user.email, password: NEW_PASSWORD })).resolves.toMatchObject({ userId: user.id });

    // Single use.
    await expectAppError(resetPassword(db, { token, password: "another fine passphrase 77", confirmPassword: "another fine passphrase 77" }), "GONE");
    expect(await describePasswordResetLink(db, { token })).toEqual({ isValid: false, email: null });
  });

  it("ACCOUNT-1 the link expires after 30 minutes, and a newer link replaces an older one", async () => {
    const team = await createTeam(db);
    const t0 = new Date();
    const first = await requestLink(team.admin.user.email, { now: t0 });
    const second = await requestLink(team.admin.user.email, { now: t0 });
    await expectAppError(resetPassword(db, { token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now: t0 }), "GONE");
    const late = new Date(t0.getTime() + 30 * 60_000 + 1);
    await expectAppError(resetPassword(db, { token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now: late }), "GONE");
    await expect(signIn(db, { email: team.admin.user.email, password: TEST_PASSWORD })).resolves.toBeTruthy();
    expect(await deleteStaleResetTokens(db, { now: late })).toBeGreaterThanOrEqual(1);
    expect(await db.passwordResetToken.count({ where: { userId: team.admin.userId } })).toBe(0);
  });

  it("ACCOUNT-1 a weak or mismatched password is refused with field errors and the link stays usable", async () => {
    const team = await createTeam(db);
    const token = await requestLink(team.target.user.email);
    const weak = await expectAppError(resetPassword(db, { token, password: "password123", confirmPassword: "password123" }), "BAD_INPUT");
    expect(weak.fieldErrors?.password?.[0]).toMatch(/too easy to guess/);
    const mismatch = await expectAppError(resetPassword(db, { token, password: NEW_PASSWORD, confirmPassword: "something else" }), "BAD_INPUT");
    expect(mismatch.fieldErrors?.confirmPassword).toEqual(["The passwords do not match"]);
    await expectAppError(resetPassword(db, { token: "not-a-token", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), "GONE");
    await expect(resetPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).resolves.toMatchObject({ email: team.target.user.email });
  });

  it("ACCOUNT-1 NF-3 requests are throttled per email (known or not) and per address", async () => {
    const team = await createTeam(db);
    const throttle = createPasswordResetThrottle({ limits: { perEmail: 2, perAddress: 4, windowSeconds: 600 }, keyPrefix: `test-${team.shop.id}` });
    const ask = (email: string, address: string) => requestPasswordReset(db, { email, address, throttle, mailer: smtpMailer });
    await ask(team.owner.user.email, "198.51.100.1");
    await ask(team.owner.user.email, "198.51.100.2");
    const limited = await expectAppError(ask(team.owner.user.email, "198.51.100.3"), "RATE_LIMITED");
    expect(limited.message).toMatch(/Too many password-reset requests\. Try again in \d+ minutes?\./);
    // An unknown email is limited the same way, so the limit reveals nothing.
    await ask("ghost@example.test", "198.51.100.4");
    await ask("ghost@example.test", "198.51.100.4");
    await expectAppError(ask("ghost@example.test", "198.51.100.4"), "RATE_LIMITED");
    // One address asking for many emails.
    for (let index = 0; index < 4; index += 1) await ask(`probe${index}@example.test`, "198.51.100.9");
    await expectAppError(ask("probe-next@example.test", "198.51.100.9"), "RATE_LIMITED");
  });

  it("ACCOUNT-1 NF-2 with Redis the counts are shared by every app node; the product's limits", async () => {
    const clients = [0, 1].map(() => new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 }));
    try {
      // Connected first: while Redis is not ready, each node counts in its own memory (the insurance limiter).
      await Promise.all(clients.map((client) => client.ping()));
      const keyPrefix = `test-pwreset-${crypto.randomUUID()}`;
      const [nodeA, nodeB] = clients.map((redis) => createPasswordResetThrottle({ limits: { perEmail: 2, perAddress: 10, windowSeconds: 600 }, redis, keyPrefix }));
      expect(await nodeA!.consume({ email: "shared@example.test", address: "10.9.0.1" })).toBe(0);
      expect(await nodeB!.consume({ email: "shared@example.test", address: "10.9.0.2" })).toBe(0);
      expect(await nodeA!.consume({ email: "shared@example.test", address: "10.9.0.3" })).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((client) => client.quit()));
    }
    expect(PASSWORD_RESET_LIMITS).toEqual({ perEmail: 3, perAddress: 10, windowSeconds: 3600 });
  });

  it("ACCOUNT-1 MAIL-1 without SMTP the reset link is printed to the server log only; the outbox copy has it removed", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ from: "x <x@x.test>", outbox });
    const logged: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      await requestPasswordReset(db, { email: team.agent.user.email, address: "203.0.113.5", mailer, baseUrl: "http://app.test" });
    } finally {
      console.info = original;
    }
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(logged.join("\n"))?.[1];
    expect(token).toBeTruthy();
    const copy = await db.outgoingMail.findFirstOrThrow({ where: { recipient: team.agent.user.email, kind: "password_reset", status: "saved" } });
    expect(copy.shopId).toBeNull();
    expect(await databaseText()).not.toContain(token!);
  });
});

describe("ACCOUNT-2 change password", () => {
  it("ACCOUNT-2 needs the current password, applies the strength rules, and signs out the other sessions only", async () => {
    const team = await createTeam(db);
    const here = await startSignInSession(db, { userId: team.owner.userId });
    const elsewhere = await startSignInSession(db, { userId: team.owner.userId });
    const actor = { ...(await actorFor(db, team.owner)), sessionId: here.sessionId };
    const throttle = createSignInThrottle({ limits: { accountFailures: 3, addressFailures: 30, windowSeconds: 600, blockSeconds: 600 }, keyPrefix: `cp-${team.shop.id}` });
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changePassword(db, { actor, currentPassword, newPassword, confirmPassword, throttle, address: "203.0.113.7" });

    const wrong = await expectAppError(change("not my password", NEW_PASSWORD), "BAD_INPUT");
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["This is not your current password"] });
    const weak = await expectAppError(change(TEST_PASSWORD, "qwertyuiop"), "BAD_INPUT");
    expect(weak.fieldErrors?.newPassword?.[0]).toMatch(/too easy to guess/);
    const same = await expectAppError(change(TEST_PASSWORD, TEST_PASSWORD), "BAD_INPUT");
    expect(same.fieldErrors).toEqual({ newPassword: ["This is your current password"] });
    await expectAppError(change(TEST_PASSWORD, NEW_PASSWORD, "typo"), "BAD_INPUT");

    await expect(change(TEST_PASSWORD, NEW_PASSWORD)).resolves.toEqual({ revokedSessions: 1 });
    const rows = await db.signInSession.findMany({ where: { userId: team.owner.userId } });
    expect(rows.find((row) => row.id === here.sessionId)!.revokedAt).toBeNull();
    expect(rows.find((row) => row.id === elsewhere.sessionId)!.revokedAt).not.toBeNull();
    await expect(signIn(db, { email: team.owner.user.email, password: NEW_PASSWORD })).resolves.toBeTruthy();
    await expect(signIn(db, { email: team.owner.user.email, password: TEST_PASSWORD })).rejects.toBeInstanceOf(SignInError);
  });

  it("ACCOUNT-2 NF-3 wrong current passwords count towards the sign-in throttle", async () => {
    const team = await createTeam(db);
    const actor = await actorFor(db, team.agent);
    const throttle = createSignInThrottle({ limits: { accountFailures: 2, addressFailures: 30, windowSeconds: 600, blockSeconds: 600 }, keyPrefix: `cpt-${team.shop.id}` });
    const change = (currentPassword: string) => changePassword(db, { actor, currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, throttle, address: "203.0.113.8" });
    await expectAppError(change("guess one"), "BAD_INPUT");
    await expectAppError(change("guess two"), "BAD_INPUT");
    // Blocked now, even with the right password.
    await expectAppError(change(TEST_PASSWORD), "RATE_LIMITED");
  });
});
