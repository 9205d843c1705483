// Issue 15 items 4, 6 and 7: weak passwords are refused wherever a password is set (TEAM-1);
// nicknames are normalised before the review list and the no-email rule see them (TEAM-4,
// TEAM-6); admins cannot change the owner (TEAM-1). Real PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors";
import { signIn } from "../../src/server/services/sign-in";
import { acceptInvitation } from "../../src/server/services/team/accept-invitation";
import { describeInvitation } from "../../src/server/services/team/describe-invitation";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { updatePersonalSettings } from "../../src/server/services/team/update-personal-settings";
import { updateTeamMember } from "../../src/server/services/team/update-team-member";
import { applyServiceResult } from "../../src/server/services/apply-service-result";
import type { ServiceResult } from "../../src/server/services/service-result";
import { useTestDatabase } from "../support/test-database";
import { createMemoryMailer, createTeam, invitationTokenFrom } from "./team-fixtures";

const { db, reset } = await useTestDatabase();
const applied = async <T,>(result: Promise<ServiceResult<T>>): Promise<T> => applyServiceResult(db, await result);
beforeEach(reset);
const T0 = new Date("2026-03-02T09:00:00.000Z");

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function invite(team: Awaited<ReturnType<typeof createTeam>>, email: string) {
  const mailer = createMemoryMailer();
  await inviteMember(db, { actor: team.actors.owner, email, role: "agent", defaultLanguage: "en", now: T0 }, { mailer, baseUrl: "http://app.test" });
  return invitationTokenFrom(mailer.sent[0]!.text);
}

describe("TEAM-1 password rules when accepting an invitation (issue 15 item 4)", () => {
  it.each([
    ["ten spaces", "          ", /not only spaces/],
    ["the email", "nora.lee@example.test", /email address/],
    ["the email in capitals with more around it", "xNORA.LEE@EXAMPLE.TESTx", /email address/],
    ["the email's local part", "nora.lee-2026!", /"nora.lee"/],
    ["a common password", "password123", /too easy to guess/],
    ["a keyboard walk", "qwertyuiop12", /too easy to guess/],
    ["a capitalised common password", "Password1234", /too easy to guess/],
    ["a repeated character", "aaaaaaaaaaaa", /too easy to guess/],
    ["nine characters", "k7#pQ2!zm", /at least 10 characters/],
    ["the nickname being chosen", "Noranora2026", /too easy to guess/],
  ])("TEAM-1 refuses %s", async (_label, password, message) => {
    const team = await createTeam(db);
    const token = await invite(team, "nora.lee@example.test");
    const error = await expectAppError(acceptInvitation(db, { token, nickname: "Noranora", password, confirmPassword: password, now: T0 }), "BAD_INPUT");
    expect(error.fieldErrors?.password?.join(" ")).toMatch(message);
    // Nothing was written: the link still works.
    expect(await describeInvitation(db, { token, now: T0 })).toMatchObject({ status: "pending" });
    expect(await db.user.count({ where: { email: "nora.lee@example.test" } })).toBe(0);
  });

  it("TEAM-1 accepts a long unusual password and signs in with it", async () => {
    const team = await createTeam(db);
    const token = await invite(team, "nora.lee@example.test");
    const password = "lantern orbit pickle 84";
    await acceptInvitation(db, { token, nickname: "Nora", password, confirmPassword: password, now: T0 });
    await expect(signIn(db, { email: "nora.lee@example.test", password })).resolves.toMatchObject({ shopId: team.shop.id });
  });
});

describe("TEAM-4 TEAM-6 nickname normalisation (issue 15 item 6)", () => {
  it.each([
    ["a zero-width space", "Of\u200bficial Ava"],
    ["a soft hyphen", "Off\u00adicial Ava"],
    ["a word joiner", "Offi\u2060cial Ava"],
    ["a Cyrillic о", "\u043efficial Ava"],
    ["Cyrillic а, о and і", "Offic\u0456\u0430l Av\u0430"],
    ["fullwidth letters", "ＯＦＦＩＣＩＡＬ Ava"],
    ["accents", "Öfficíal Ava"],
    ["punctuation inside the word", "O.f.f.i.c.i.a.l Ava"],
  ])("TEAM-4 a review word hidden by %s still waits for the owner", async (_label, nickname) => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    const settings = await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname } }));
    expect(settings).toMatchObject({ nickname: team.agent.nickname, nicknameReview: "under_review" });
  });

  it("TEAM-4 an admin setting a disguised review word on a member goes to review too", async () => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    const member = await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.target.id, changes: { nickname: "\u041efficial\u200b" } }));
    expect(member).toMatchObject({ nickname: team.target.nickname, nicknameReview: "under_review" });
  });

  it("TEAM-4 accepting an invitation with a disguised review word is refused", async () => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    const token = await invite(team, "new@example.test");
    const error = await expectAppError(acceptInvitation(db, { token, nickname: "The \u043eff\u00adicial one", password: "lantern orbit pickle 84", now: T0 }), "BAD_INPUT");
    expect(error.fieldErrors?.nickname?.[0]).toMatch(/approval/);
  });

  it.each([["ava＠shop.example"], ["ava﹫shop.example"]])("TEAM-6 %s fails the no-email rule", async (nickname) => {
    const team = await createTeam(db);
    const error = await expectAppError(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname } }), "BAD_INPUT");
    expect(error.fieldErrors?.nickname?.[0]).toMatch(/@/);
  });

  it.each([["\u202eAva"], ["Ava\u2067Lee"], ["Ava\u200fLee"], ["Ava\u061cLee"]])("TEAM-6 bidi control in %j is refused", async (nickname) => {
    const team = await createTeam(db);
    const error = await expectAppError(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname } }), "BAD_INPUT");
    expect(error.fieldErrors?.nickname?.[0]).toMatch(/text-direction/);
  });

  it("TEAM-6 the stored nickname is the normalised one: invisibles removed, fullwidth folded, spaces collapsed", async () => {
    const team = await createTeam(db);
    const settings = await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "  Ａva\u200b \u3000 Lee\u00ad  " } }));
    expect(settings).toMatchObject({ nickname: "Ava Lee", nicknameReview: "approved" });
    const empty = await expectAppError(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "\u200b\u00ad\ufeff" } }), "BAD_INPUT");
    expect(empty.fieldErrors?.nickname?.[0]).toMatch(/Enter a nickname/);
  });

  it("TEAM-6 names in other scripts are kept as typed", async () => {
    const team = await createTeam(db, { reviewWords: ["official"] });
    expect(await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "Анна" } }))).toMatchObject({ nickname: "Анна", nicknameReview: "approved" });
    expect(await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "李雷" } }))).toMatchObject({ nickname: "李雷", nicknameReview: "approved" });
  });
});

describe("TEAM-1 admins cannot change the owner (issue 15 item 7)", () => {
  it.each([
    ["capacity", { maxCapacity: 5 }],
    ["accept switch", { acceptAutoAssign: false }],
    ["nickname", { nickname: "Not the owner" }],
  ])("TEAM-1 an admin changing the owner's %s gets FORBIDDEN and nothing changes", async (_label, changes) => {
    const team = await createTeam(db);
    const before = await db.member.findUniqueOrThrow({ where: { id: team.owner.id } });
    const error = await expectAppError(updateTeamMember(db, { actor: team.actors.admin, memberId: team.owner.id, changes }), "FORBIDDEN");
    expect(error.message).toMatch(/owner/);
    const after = await db.member.findUniqueOrThrow({ where: { id: team.owner.id } });
    expect([after.maxCapacity, after.acceptAutoAssign, after.nickname]).toEqual([before.maxCapacity, before.acceptAutoAssign, before.nickname]);
  });

  it("TEAM-4 the owner changes their own settings, and admins still change everyone else's", async () => {
    const team = await createTeam(db);
    expect(await applied(updateTeamMember(db, { actor: team.actors.owner, memberId: team.owner.id, changes: { maxCapacity: 7, acceptAutoAssign: false } })))
      .toMatchObject({ maxCapacity: 7, acceptAutoAssign: false });
    expect(await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.agent.id, changes: { maxCapacity: 9 } }))).toMatchObject({ maxCapacity: 9 });
    expect(await applied(updateTeamMember(db, { actor: team.actors.admin, memberId: team.admin.id, changes: { acceptAutoAssign: false } }))).toMatchObject({ acceptAutoAssign: false });
  });
});
