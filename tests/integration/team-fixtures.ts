// Helpers for the team-*.test.ts files: a shop with one member of each role, actors built the
// way routes build them (re-read from the database), and a real SMTP server that captures mail.
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { AppError } from "../../src/core/errors";
import { SMTPServer } from "smtp-server";
import type { Database } from "../../src/server/db/client";
import { resolveMemberContext, type MemberContext } from "../../src/server/services/resolve-member";
import type { Mailer, MailMessage } from "../../src/server/mail/mailer";
import type { MailDeliveryDto } from "../../src/shared/team";
import { createMember, createShop } from "../factories";

export async function actorFor(db: Database, member: { userId: string; shopId: string }): Promise<MemberContext> {
  const actor = await resolveMemberContext(db, { userId: member.userId, shopId: member.shopId });
  if (!actor) throw new Error("not an active member");
  return actor;
}

/** A shop with an owner, an admin, two agents, and the actors of the first three. */
export async function createTeam(db: Database, options: { reviewWords?: string[]; name?: string } = {}) {
  const shop = await createShop(db, { name: options.name });
  if (options.reviewWords) await db.shopSettings.update({ where: { shopId: shop.id }, data: { reviewWords: options.reviewWords } });
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: `Owner${shop.id.slice(0, 6)}` });
  const admin = await createMember(db, { shopId: shop.id, role: "admin" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent" });
  const target = await createMember(db, { shopId: shop.id, role: "agent" });
  return {
    shop,
    owner,
    admin,
    agent,
    target,
    actors: {
      owner: await actorFor(db, owner),
      admin: await actorFor(db, admin),
      agent: await actorFor(db, agent),
    },
  };
}

/** A mailer that keeps what it was given, for tests that only need the link. */
export function createMemoryMailer(result: MailDeliveryDto = { status: "sent", message: "sent" }): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      return result;
    },
  };
}

export function invitationTokenFrom(text: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes decoded. */
  decoded: string;
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1, no TLS, no auth required. */
export async function startSmtpCapture(port = 0) {
  const mails: CapturedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((address) => address.address),
          raw,
          decoded: decodeQuotedPrintable(raw),
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    mails,
    async waitForMail(to: string, timeoutMs = 10_000): Promise<CapturedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((mail) => mail.to.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Awaits a rejection with this AppError code. */
export async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
