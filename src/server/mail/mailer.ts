// Outgoing mail (TEAM-2). With SMTP_URL, nodemailer sends over SMTP. Without it, every mail is
// written to DATA_DIR/mail as an .eml file plus a .json summary, so nothing is lost: in
// development the /dev/mail page lists them. A failed send is reported, never thrown: the
// caller's change (an invitation) stands, and the person can resend.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getConfig } from "@/server/config";
import { appDataDir } from "@/server/services/team/data-dir";
import type { MailDeliveryDto } from "@/shared/team";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The shop the mail belongs to: its outbox lists it. Absent or null: no shop's outbox does. */
  shopId?: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<MailDeliveryDto>;
}

export interface MailerConfig {
  smtpUrl?: string;
  from: string;
  dataDir: string;
  isProduction: boolean;
  /** Milliseconds before an unresponsive SMTP server counts as a failed send. */
  timeoutMs?: number;
}

/** What /dev/mail shows for each saved mail. */
export interface SavedMail {
  id: string;
  createdAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  links: string[];
}

export function mailDirectory(dataDir: string): string {
  return path.join(dataDir, "mail");
}

export function createMailer(config: MailerConfig): Mailer {
  return {
    async send(message) {
      if (!config.smtpUrl) return saveToDirectory(config, message);
      const timeout = config.timeoutMs ?? 15_000;
      const transport = nodemailer.createTransport(config.smtpUrl, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
      try {
        await transport.sendMail({ from: config.from, ...message });
        return { status: "sent", message: `The email was sent to ${message.to}.` };
      } catch (error) {
        console.error(`mail to ${message.to} failed:`, error instanceof Error ? error.message : error);
        return { status: "failed", message: `The email to ${message.to} could not be sent (the mail server did not accept it). Try again with Resend.` };
      } finally {
        transport.close();
      }
    },
  };
}

async function saveToDirectory(config: MailerConfig, message: MailMessage): Promise<MailDeliveryDto> {
  const directory = mailDirectory(config.dataDir);
  const createdAt = new Date();
  // Sortable by name: newest last in a directory listing, newest first on /dev/mail.
  const id = `${createdAt.toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}`;
  try {
    await fs.mkdir(directory, { recursive: true });
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    const info = await stream.sendMail({ from: config.from, ...message });
    const raw = info.message as unknown as Buffer;
    const saved: SavedMail = {
      id,
      createdAt: createdAt.toISOString(),
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      links: extractLinks(message.text),
    };
    await fs.writeFile(path.join(directory, `${id}.eml`), raw);
    await fs.writeFile(path.join(directory, `${id}.json`), JSON.stringify(saved, null, 2));
  } catch (error) {
    console.error("saving mail failed:", error);
    return { status: "failed", message: `The email to ${message.to} could not be saved. Try again with Resend.` };
  }
  return config.isProduction
    ? { status: "saved", message: `No mail server is configured (SMTP_URL), so the email to ${message.to} was saved on the server instead of sent.`, devMailboxUrl: null }
    : { status: "saved", message: `Development mode without SMTP_URL: the email to ${message.to} was saved to the development mailbox.`, devMailboxUrl: "/dev/mail" };
}

export function extractLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
}

/** The development mailbox, newest first. */
export async function listSavedMails(dataDir: string, limit = 100): Promise<SavedMail[]> {
  const directory = mailDirectory(dataDir);
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  const jsonFiles = names.filter((name) => name.endsWith(".json")).sort().reverse().slice(0, limit);
  const mails = await Promise.all(
    jsonFiles.map(async (name) => {
      try {
        return JSON.parse(await fs.readFile(path.join(directory, name), "utf8")) as SavedMail;
      } catch {
        return null;
      }
    }),
  );
  return mails.filter((mail): mail is SavedMail => mail !== null);
}

export function mailerConfigFromEnv(): MailerConfig {
  const config = getConfig();
  return {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    dataDir: appDataDir(),
    isProduction: config.NODE_ENV === "production",
  };
}

/** The process's mailer, configured from the environment. */
export function getMailer(): Mailer {
  return createMailer(mailerConfigFromEnv());
}

/** Base URL for links in emails: PUBLIC_URL, else http://localhost:PORT. */
export function publicBaseUrl(): string {
  const config = getConfig();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}
