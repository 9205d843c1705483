// MAIL-1: the outbox service on a real database: what is recorded, that one shop never sees
// another's mail, who sees invitation links, and the bounds (age, count per shop, expired links).
import { describe, expect, it } from "vitest";
import { REMOVED_LINK } from "../../src/core/mail/outbox-policy";
import { createMailer } from "../../src/server/mail/mailer";
import { listOutbox, OUTBOX_PAGE_SIZE } from "../../src/server/services/mail/list-outbox";
import { pruneOutbox } from "../../src/server/services/mail/prune-outbox";
import { recordOutgoingMail, type OutgoingMailRecord } from "../../src/server/services/mail/record-outgoing-mail";
import { useTestDatabase } from "../support/test-database";
import { acceptInvitation } from "../../src/server/services/team/accept-invitation";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { resendInvitation } from "../../src/server/services/team/resend-invitation";
import { revokeInvitation } from "../../src/server/services/team/revoke-invitation";
import { createTeam, expectAppError } from "./team-fixtures";

const { db } = await useTestDatabase();

const DAY = 24 * 3_600_000;
const now = new Date("2026-12-02T12:00:00Z");

function invitationMail(shopId: string | null, overrides: Partial<OutgoingMailRecord> = {}): OutgoingMailRecord {
  const link = `http://app.test/invitations/${Math.random().toString(36).slice(2)}token`;
  return {
    shopId,
    kind: "invitation",
    recipient: "invitee@example.test",
    subject: "Join the shop",
    text: `Open this link: ${link}\nQuestions? https://help.example.test/join`,
    secretLinks: [link],
    secretsExpireAt: new Date(now.getTime() + 5 * DAY),
    outcome: "saved",
    now,
    ...overrides,
  };
}

describe("MAIL-1 the outbox", () => {
  it("MAIL-1 records recipient, subject, text, links, status, reason and time; lists newest first", async () => {
    const team = await createTeam(db);
    const older = invitationMail(team.shop.id, { recipient: "first@example.test", now: new Date(now.getTime() - 60_000) });
    await recordOutgoingMail(db, older);
    await recordOutgoingMail(db, invitationMail(team.shop.id, { recipient: "second@example.test", outcome: "failed", failureReason: "550 mailbox unavailable" }));
    const outbox = await listOutbox(db, { actor: team.actors.owner, now });
    expect(outbox.total).toBe(2);
    expect(outbox.mails.map((mail) => mail.recipient)).toEqual(["second@example.test", "first@example.test"]);
    expect(outbox.mails[0]).toMatchObject({ status: "failed", failureReason: "550 mailbox unavailable", kind: "invitation", subject: "Join the shop" });
    expect(outbox.mails[1]!.links).toEqual([older.secretLinks[0], "https://help.example.test/join"]);
    expect(outbox.mails[1]!.createdAt).toBe(older.now!.toISOString());
  });

  it("MAIL-1 a shop's outbox never shows another shop's mail or mail of no shop", async () => {
    const mine = await createTeam(db);
    const theirs = await createTeam(db);
    await recordOutgoingMail(db, invitationMail(mine.shop.id, { recipient: "mine@example.test" }));
    await recordOutgoingMail(db, invitationMail(theirs.shop.id, { recipient: "theirs@example.test" }));
    await recordOutgoingMail(db, invitationMail(null, { recipient: "nobody@example.test", kind: "other" }));
    const seen = await listOutbox(db, { actor: mine.actors.owner, now });
    expect(seen.mails.map((mail) => mail.recipient)).toEqual(["mine@example.test"]);
    expect(JSON.stringify(seen)).not.toContain("theirs@example.test");
    expect((await listOutbox(db, { actor: theirs.actors.owner, now })).mails.map((mail) => mail.recipient)).toEqual(["theirs@example.test"]);
  });

  it("MAIL-1 owners and admins read the outbox, agents may not; admins do not see invitation links", async () => {
    const team = await createTeam(db);
    const mail = invitationMail(team.shop.id);
    await recordOutgoingMail(db, mail);
    const asAdmin = await listOutbox(db, { actor: team.actors.admin, now });
    expect(asAdmin.mails[0]!.links).toEqual(["https://help.example.test/join"]);
    expect(asAdmin.mails[0]!.text).toContain(REMOVED_LINK);
    expect(JSON.stringify(asAdmin)).not.toContain(mail.secretLinks[0]);
    await expectAppError(listOutbox(db, { actor: team.actors.agent, now }), "FORBIDDEN");
  });

  it("MAIL-1 pages hold 20 mails, newest first, and a page past the end shows the last", async () => {
    const team = await createTeam(db);
    for (let index = 0; index < OUTBOX_PAGE_SIZE + 3; index += 1) {
      await recordOutgoingMail(db, invitationMail(team.shop.id, { recipient: `p${index}@example.test`, now: new Date(now.getTime() + index * 1000) }));
    }
    const first = await listOutbox(db, { actor: team.actors.owner, now });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: OUTBOX_PAGE_SIZE + 3 });
    expect(first.mails).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.mails[0]!.recipient).toBe(`p${OUTBOX_PAGE_SIZE + 2}@example.test`);
    const last = await listOutbox(db, { actor: team.actors.owner, page: 99, now });
    expect(last.page).toBe(2);
    expect(last.mails.map((mail) => mail.recipient)).toEqual(["p2@example.test", "p1@example.test", "p0@example.test"]);
  });

  it("MAIL-1 retention: mail older than 90 days goes, each shop keeps its newest N, expired links are removed from the stored text", async () => {
    const team = await createTeam(db);
    const other = await createTeam(db);
    await recordOutgoingMail(db, invitationMail(team.shop.id, { recipient: "ancient@example.test", now: new Date(now.getTime() - 91 * DAY) }));
    for (let index = 0; index < 4; index += 1) {
      await recordOutgoingMail(db, invitationMail(team.shop.id, { recipient: `recent${index}@example.test`, now: new Date(now.getTime() - (4 - index) * 1000) }));
    }
    await recordOutgoingMail(db, invitationMail(other.shop.id, { recipient: "other@example.test" }));
    const expiring = invitationMail(other.shop.id, { recipient: "expired-link@example.test", secretsExpireAt: new Date(now.getTime() - 1000), now: new Date(now.getTime() - DAY) });
    await recordOutgoingMail(db, expiring);

    // Before the job runs, the expired link is already hidden from readers.
    const before = await listOutbox(db, { actor: other.actors.owner, now });
    expect(before.mails.find((mail) => mail.recipient === "expired-link@example.test")!.links).toEqual(["https://help.example.test/join"]);

    const result = await pruneOutbox(db, { now, maxPerShop: 3 });
    expect(result.deletedOld).toBeGreaterThanOrEqual(1);
    const kept = await db.outgoingMail.findMany({ where: { shopId: team.shop.id }, orderBy: { createdAt: "desc" } });
    expect(kept.map((mail) => mail.recipient)).toEqual(["recent3@example.test", "recent2@example.test", "recent1@example.test"]);
    const redacted = await db.outgoingMail.findFirstOrThrow({ where: { recipient: "expired-link@example.test" } });
    expect(redacted.text).not.toContain(expiring.secretLinks[0]);
    expect(redacted).toMatchObject({ links: ["https://help.example.test/join"], secretLinks: [], secretsExpireAt: null });
    expect(await db.outgoingMail.count({ where: { shopId: other.shop.id } })).toBe(2);
    // Idempotent.
    expect(await pruneOutbox(db, { now, maxPerShop: 3 })).toMatchObject({ deletedOverLimit: 0, redacted: 0 });
  });

  it("MAIL-1 a shop's mail goes with the shop", async () => {
    const team = await createTeam(db);
    await recordOutgoingMail(db, invitationMail(team.shop.id));
    await db.shop.delete({ where: { id: team.shop.id } });
    expect(await db.outgoingMail.count({ where: { shopId: team.shop.id } })).toBe(0);
  });
});

describe("MAIL-1 invitation links leave the outbox when they stop working", () => {
  it("MAIL-1 resend forgets the earlier link and keeps the new one; revoke forgets it; accepting forgets it", async () => {
    const team = await createTeam(db);
    const mailer = createMailer({ from: "x <x@x.test>", outbox: { record: (entry) => recordOutgoingMail(db, entry) } });
    const deps = { mailer, baseUrl: "http://app.test" };
    const linksOf = async (email: string) => (await listOutbox(db, { actor: team.actors.owner })).mails.filter((mail) => mail.recipient === email).map((mail) => mail.links);

    const first = await inviteMember(db, { actor: team.actors.owner, email: "resent@example.test", role: "agent", defaultLanguage: "en" }, deps);
    const second = await resendInvitation(db, { actor: team.actors.owner, invitationId: first.invitation.id }, deps);
    expect(await linksOf("resent@example.test")).toEqual([[second.inviteUrl], []]);
    await revokeInvitation(db, { actor: team.actors.owner, invitationId: first.invitation.id });
    expect(await linksOf("resent@example.test")).toEqual([[], []]);

    const joining = await inviteMember(db, { actor: team.actors.owner, email: "joins@example.test", role: "agent", defaultLanguage: "en" }, deps);
    const token = joining.inviteUrl.split("/invitations/")[1]!;
    await acceptInvitation(db, { token, sessionUserId: null, nickname: "Joiner", password: "lantern orchard violet 2026", confirmPassword: "lantern orchard violet 2026" });
    expect(await linksOf("joins@example.test")).toEqual([[]]);
    expect(JSON.stringify(await db.outgoingMail.findMany({ where: { shopId: team.shop.id } }))).not.toContain(token);
  });
});
