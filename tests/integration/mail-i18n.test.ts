// NF-5: e-mails in the recipient's language, sent over a real SMTP server (smtp-server in the
// test) from a real database: an invitation in the shop's language, a password reset and a
// verification in the member's language (else the shop's). English mails are checked by
// team-mail, accounts-password-reset and shop-sign-up tests, unchanged.
import { afterAll, describe, expect, it } from "vitest";
import { createMailer, type OutboxRecorder } from "../../src/server/mail/mailer";
import { requestPasswordReset } from "../../src/server/services/accounts/request-password-reset";
import { recordOutgoingMail } from "../../src/server/services/mail/record-outgoing-mail";
import { issueEmailVerification } from "../../src/server/services/onboarding/email-verification";
import { inviteMember } from "../../src/server/services/team/invite-member";
import { useTestDatabase } from "../support/test-database";
import { actorFor, createTeam, startSmtpCapture, type CapturedMail } from "./team-fixtures";

const { db } = await useTestDatabase();
const smtp = await startSmtpCapture();
afterAll(() => smtp.close());
const outbox: OutboxRecorder = { record: (entry) => recordOutgoingMail(db, entry) };
const mailer = createMailer({ smtpUrl: smtp.url, from: "Counterpart <no-reply@counterpart.local>", outbox });
const BASE = "http://app.test";

/** The mail as UTF-8 text: quoted-printable bytes decoded, then read as UTF-8. */
function utf8Body(mail: CapturedMail): string {
  const bytes = mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The Subject header with its RFC 2047 encoded words decoded. */
function subjectOf(mail: CapturedMail): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? "";
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    )
    .replace(/\r?\n[ \t]/g, " ");
}

describe("NF-5 e-mails in the recipient's language", () => {
  it("NF-5 TEAM-2 an invitation to a shop whose language is Spanish is written in Spanish, with a Spanish date", async () => {
    const team = await createTeam(db, { name: "Té & Tazas" });
    await db.shop.update({ where: { id: team.shop.id }, data: { defaultLanguage: "es" } });
    const actor = await actorFor(db, team.owner);
    const email = `invitada-${Date.now()}@example.test`;
    await inviteMember(db, { actor, email, role: "agent", defaultLanguage: "en" }, { mailer, baseUrl: BASE });
    const mail = await smtp.waitForMail(email);
    const body = utf8Body(mail);
    expect(subjectOf(mail)).toBe("Únete a Té & Tazas en Counterpart");
    expect(body).toContain(`${actor.nickname} te invitó a unirte a Té & Tazas en Counterpart como agente.`);
    expect(body).toContain("Abre este enlace para elegir tu contraseña y unirte al equipo:");
    expect(body).toMatch(/caduca el \S+, \d{1,2} de \S+ de \d{4}, \d{1,2}:\d{2} \(UTC\) \(120 horas después de enviarse\)\./);
    expect(body).toMatch(/\/invitations\/[A-Za-z0-9_-]+/);
    // The HTML part too: its language, its button, the shop's name escaped.
    expect(body).toContain('<html lang="es">');
    expect(body).toContain("Elegir tu contraseña y unirte</a>");
    expect(body).toContain("<strong>Té &amp; Tazas</strong>");
  });

  it("NF-5 ACCOUNT-1 a password reset for a member whose language is Spanish is written in Spanish", async () => {
    const team = await createTeam(db);
    await db.member.update({ where: { id: team.agent.id }, data: { defaultLanguage: "es" } });
    const before = smtp.mails.length;
    await requestPasswordReset(db, { email: team.agent.user.email, address: "203.0.113.50", mailer, baseUrl: BASE });
    const mail = smtp.mails.slice(before).find((candidate) => candidate.to.includes(team.agent.user.email));
    expect(mail).toBeDefined();
    const body = utf8Body(mail!);
    expect(subjectOf(mail!)).toBe("Elige una nueva contraseña para Counterpart");
    expect(body).toContain("Alguien pidió elegir una nueva contraseña para tu cuenta de Counterpart.");
    expect(body).toContain("(30 minutos después de enviarse).");
    expect(body).toContain("Si no lo pediste tú, ignora este correo: tu contraseña sigue igual.");
    expect(body).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
    expect(body).not.toContain("Someone asked");
  });

  it("NF-5 ACCOUNT-1 a member language the product does not ship falls back to the shop's (Spanish)", async () => {
    const team = await createTeam(db);
    await db.shop.update({ where: { id: team.shop.id }, data: { defaultLanguage: "es" } });
    await db.member.update({ where: { id: team.admin.id }, data: { defaultLanguage: "vi" } });
    const before = smtp.mails.length;
    await requestPasswordReset(db, { email: team.admin.user.email, address: "203.0.113.51", mailer, baseUrl: BASE });
    const mail = smtp.mails.slice(before).find((candidate) => candidate.to.includes(team.admin.user.email));
    expect(subjectOf(mail!)).toBe("Elige una nueva contraseña para Counterpart");
  });

  it("NF-5 SHOP-3 the verification mail follows the member's language in that shop", async () => {
    const team = await createTeam(db, { name: "Hojas Verdes" });
    await db.member.update({ where: { id: team.owner.id }, data: { defaultLanguage: "es" } });
    const before = smtp.mails.length;
    await issueEmailVerification(db, { userId: team.owner.userId, shopId: team.shop.id, mailer, baseUrl: BASE });
    const mail = smtp.mails.slice(before).find((candidate) => candidate.to.includes(team.owner.user.email));
    const body = utf8Body(mail!);
    expect(subjectOf(mail!)).toBe("Verifica tu dirección de correo electrónico para Counterpart");
    expect(body).toContain(`Abre este enlace para confirmar que ${team.owner.user.email} es tu dirección para Hojas Verdes en Counterpart:`);
    expect(body).toContain("El enlace funciona una sola vez y caduca 48 horas después de enviarse.");
    expect(body).toContain("Verificar mi dirección de correo electrónico</a>");
  });
});
