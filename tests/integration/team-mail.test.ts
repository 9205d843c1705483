// TEAM-2, MAIL-1: activation emails by SMTP (a real smtp-server in the test) or, without
// SMTP_URL, recorded in the shop's outbox with the link to copy. Also TEAM-6: what buyers may
// see of an agent.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInvitationEmail } from "../../src/server/mail/invitation-email";
import { createMailer, type OutboxRecorder } from "../../src/server/mail/mailer";
import { listOutbox } from "../../src/server/services/mail/list-outbox";
import { recordOutgoingMail } from "../../src/server/services/mail/record-outgoing-mail";
import { toBuyerFacingAgent } from "../../src/server/services/team/buyer-facing-agent";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { useTestDatabase } from "../support/test-database";
import { createTeam, invitationTokenFrom, startSmtpCapture } from "./team-fixtures";

const { db } = await useTestDatabase();
let dataDir: string;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "cp-team-mail-"));
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const databaseOutbox = (): OutboxRecorder => ({ record: (entry) => recordOutgoingMail(db, entry) });

const message = () =>
  renderInvitationEmail({
    to: "someone@example.test",
    shopName: "Tea & <Cups>",
    inviterNickname: "Olivia",
    role: "admin",
    acceptUrl: "http://app.test/invitations/abc_DEF-123",
    expiresAt: new Date("2026-03-07T09:00:00Z"),
  });

describe("TEAM-2 activation email", () => {
  it("TEAM-2 names the shop, the role and the link, and escapes the shop's text in HTML", () => {
    const mail = message();
    expect(mail.subject).toBe("Join Tea & <Cups> on Counterpart");
    expect(mail.text).toContain("Olivia invited you to join Tea & <Cups> on Counterpart as an admin.");
    expect(mail.text).toContain("http://app.test/invitations/abc_DEF-123");
    expect(mail.text).toMatch(/expires on .*120 hours/);
    expect(mail.html).toContain("Tea &amp; &lt;Cups&gt;");
    expect(mail.html).not.toContain("<Cups>");
  });

  it("TEAM-2 sends over SMTP with the configured sender", async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: "Harbor Support <support@harbor.test>", dataDir, isProduction: true });
    expect(await mailer.send(message())).toMatchObject({ status: "sent" });
    const received = await smtp.waitForMail("someone@example.test");
    expect(received.from).toBe("support@harbor.test");
    expect(received.decoded).toContain("From: Harbor Support <support@harbor.test>");
    expect(received.decoded).toContain("http://app.test/invitations/abc_DEF-123");
  });

  it("TEAM-2 MAIL-1 without SMTP_URL the mail is recorded in the shop's outbox and the owner is told to copy the link", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ from: "Counterpart <no-reply@counterpart.local>", outbox: databaseOutbox() });
    const link = "http://app.test/invitations/abc_DEF-123";
    const result = await mailer.send({ ...message(), shopId: team.shop.id, kind: "invitation", secretLinks: [link], secretsExpireAt: new Date(Date.now() + 3_600_000) });
    expect(result).toEqual({ status: "saved", message: expect.stringMatching(/No mail server is configured .*Copy the link/), outboxUrl: "/settings/outbox" });
    const outbox = await listOutbox(db, { actor: team.actors.owner });
    expect(outbox.mails).toMatchObject([{ recipient: "someone@example.test", status: "saved", kind: "invitation", links: [link] }]);
  });

  it("TEAM-2 MAIL-1 mail of no shop without SMTP_URL goes to the server log, and the answer says so", async () => {
    const mailer = createMailer({ from: "x <x@x.test>", outbox: databaseOutbox() });
    const logged: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      const result = await mailer.send(message());
      expect(result).toMatchObject({ status: "saved", outboxUrl: null, message: expect.stringMatching(/server log/) });
    } finally {
      console.info = original;
    }
    expect(logged.join("\n")).toContain("http://app.test/invitations/abc_DEF-123");
  });

  it("TEAM-2 MAIL-1 an invitation made without SMTP lands in the owner's outbox with a working link, also handed back to copy", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ from: "x <x@x.test>", outbox: databaseOutbox() });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "devbox@example.test", role: "agent", defaultLanguage: "en" }, { mailer, baseUrl: "http://localhost:3000" });
    expect(result.delivery.status).toBe("saved");
    expect(result.inviteUrl).toMatch(/^http:\/\/localhost:3000\/invitations\//);
    const [saved] = (await listOutbox(db, { actor: team.actors.owner })).mails;
    expect(saved!.recipient).toBe("devbox@example.test");
    expect(saved!.links).toEqual([result.inviteUrl]);
    expect(invitationTokenFrom(saved!.links[0]!).length).toBeGreaterThanOrEqual(43);
    expect(saved!.linksExpireAt).toBe(result.invitation.expiresAt);
  });

  it("TEAM-2 MAIL-1 an invitation sent by SMTP is in the outbox as sent, without its link", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ smtpUrl: smtp.url, from: "x <x@x.test>", outbox: databaseOutbox() });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "smtp-sent@example.test", role: "agent", defaultLanguage: "en" }, { mailer, baseUrl: "http://localhost:3000" });
    expect(result.delivery.status).toBe("sent");
    await smtp.waitForMail("smtp-sent@example.test");
    const row = await db.outgoingMail.findFirstOrThrow({ where: { shopId: team.shop.id } });
    expect(row).toMatchObject({ status: "sent", kind: "invitation", recipient: "smtp-sent@example.test", links: [], secretLinks: [] });
    expect(row.text).not.toContain(invitationTokenFrom(result.inviteUrl));
  });

  it("TEAM-2 MAIL-1 a mail the SMTP server refuses is recorded as failed with the reason, and keeps its link", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "x <x@x.test>", timeoutMs: 3_000, outbox: databaseOutbox() });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "refused@example.test", role: "agent", defaultLanguage: "en" }, { mailer, baseUrl: "http://localhost:3000" });
    expect(result.delivery.status).toBe("failed");
    const [failed] = (await listOutbox(db, { actor: team.actors.owner })).mails;
    expect(failed).toMatchObject({ status: "failed", failureReason: expect.stringMatching(/ECONNREFUSED|connect/i), links: [result.inviteUrl] });
  });
});

describe("TEAM-6 buyers see an agent's nickname and avatar, never the email", () => {
  it("TEAM-6 toBuyerFacingAgent keeps only the nickname and avatar of a full member record", async () => {
    const team = await createTeam(db);
    await db.member.update({ where: { id: team.agent.id }, data: { avatarUrl: "/api/team/avatars/a.png", pendingNickname: "Secret Pending", nicknameReview: "under_review" } });
    const member = await db.member.findUniqueOrThrow({ where: { id: team.agent.id }, include: { user: true, shop: true } });
    const publicAgent = toBuyerFacingAgent(member);
    expect(publicAgent).toEqual({ nickname: team.agent.nickname, avatarUrl: "/api/team/avatars/a.png" });
    const serialized = JSON.stringify(publicAgent);
    for (const secret of [member.user.email, member.user.passwordHash!, member.userId, member.id, "Secret Pending", member.shop.identitySecret]) {
      expect(serialized).not.toContain(secret);
    }
  });
});
