// TEAM-2: activation emails by SMTP (a real smtp-server in the test) or, without SMTP_URL, saved
// to DATA_DIR/mail as .eml + .json for the development mailbox. Also TEAM-6: what buyers may see
// of an agent.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInvitationEmail } from "../../src/server/mail/invitation-email";
import { createMailer, listSavedMails } from "../../src/server/mail/mailer";
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

  it("TEAM-2 without SMTP_URL writes .eml and .json files and lists them for the development mailbox", async () => {
    const directory = path.join(dataDir, "dev");
    const mailer = createMailer({ from: "Counterpart <no-reply@counterpart.local>", dataDir: directory, isProduction: false });
    expect(await mailer.send(message())).toEqual({ status: "saved", message: expect.stringMatching(/development mailbox/), devMailboxUrl: "/dev/mail" });
    await mailer.send({ ...message(), to: "second@example.test" });

    const files = (await fs.readdir(path.join(directory, "mail"))).sort();
    expect(files.filter((name) => name.endsWith(".eml"))).toHaveLength(2);
    expect(files.filter((name) => name.endsWith(".json"))).toHaveLength(2);
    const eml = await fs.readFile(path.join(directory, "mail", files.find((name) => name.endsWith(".eml"))!), "utf8");
    expect(eml).toMatch(/^From: Counterpart <no-reply@counterpart.local>$/m);
    expect(eml).toMatch(/^Subject: /m);

    const listed = await listSavedMails(directory);
    expect(listed.map((mail) => mail.to)).toEqual(["second@example.test", "someone@example.test"]);
    expect(listed[0]!.links).toEqual(["http://app.test/invitations/abc_DEF-123"]);
  });

  it("TEAM-2 in production without SMTP_URL the mail is kept on disk and the owner is told it was not sent", async () => {
    const mailer = createMailer({ from: "x <x@x.test>", dataDir: path.join(dataDir, "prod"), isProduction: true });
    const result = await mailer.send(message());
    expect(result).toMatchObject({ status: "saved", devMailboxUrl: null, message: expect.stringMatching(/No mail server is configured/) });
  });

  it("TEAM-2 an invitation made without SMTP lands in the development mailbox with a working link", async () => {
    const team = await createTeam(db);
    const directory = path.join(dataDir, "invite");
    const mailer = createMailer({ from: "x <x@x.test>", dataDir: directory, isProduction: false });
    const result = await inviteMember(db, { actor: team.actors.owner, email: "devbox@example.test", role: "agent", defaultLanguage: "en" }, { mailer, baseUrl: "http://localhost:3000" });
    expect(result.delivery.status).toBe("saved");
    const [saved] = await listSavedMails(directory);
    expect(saved!.to).toBe("devbox@example.test");
    expect(saved!.links[0]).toMatch(/^http:\/\/localhost:3000\/invitations\//);
    expect(invitationTokenFrom(saved!.links[0]!).length).toBeGreaterThanOrEqual(43);
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
