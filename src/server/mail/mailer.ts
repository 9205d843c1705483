// Outgoing mail (TEAM-2, MAIL-1). With SMTP_URL, nodemailer sends over SMTP. Every mail, sent or
// not, is recorded in the outbox (the OutgoingMail table, services/mail/record-outgoing-mail.ts):
// without SMTP_URL that copy is how the shop's owner gets an invitation link (Settings → Outbox),
// and a mail no outbox shows (a password reset, mail of no shop) is printed to the server log.
// A failed send is reported, never thrown: the caller's change (an invitation) stands, and the
// person can resend.
import nodemailer from "nodemailer";
import { extractLinks, needsServerLog, type MailKind, type MailOutcome } from "@/core/mail/outbox-policy";
import { getConfig } from "@/server/config";
import { callService } from "@/server/services/call-service";
import { recordOutgoingMail, type OutgoingMailRecord } from "@/server/services/mail/record-outgoing-mail";
import type { MailDeliveryDto } from "@/shared/team";

export { extractLinks };
export type { MailKind };

/** Where an owner finds the shop's outgoing mail. */
export const OUTBOX_PATH = "/settings/outbox";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The shop the mail belongs to: its outbox lists it. Absent or null: no shop's outbox does. */
  shopId?: string | null;
  /** What the mail is for; decides what the outbox may keep of its links. Default "other". */
  kind?: MailKind;
  /** Links in the text that carry a secret (a token); see src/core/mail/outbox-policy.ts. */
  secretLinks?: string[];
  /** When those links stop working; the outbox forgets them then. */
  secretsExpireAt?: Date;
}

export interface Mailer {
  send(message: MailMessage): Promise<MailDeliveryDto>;
}

/** Stores a mail's outbox copy (the database in the app; tests may pass their own). */
export interface OutboxRecorder {
  record(entry: OutgoingMailRecord): Promise<unknown>;
}

export interface MailerConfig {
  smtpUrl?: string;
  from: string;
  /** Kept for callers written before the outbox; mail is no longer written to files. */
  dataDir?: string;
  /** Kept for callers written before the outbox; the outbox works the same in every mode. */
  isProduction?: boolean;
  /** Milliseconds before an unresponsive SMTP server counts as a failed send. */
  timeoutMs?: number;
  /** Without one, nothing is recorded and unsent mail goes to the server log only. */
  outbox?: OutboxRecorder;
}

export function createMailer(config: MailerConfig): Mailer {
  return {
    async send(message) {
      const shopId = message.shopId ?? null;
      const kind = message.kind ?? "other";
      const secretLinks = message.secretLinks ?? [];
      const record = (outcome: MailOutcome, failureReason?: string) =>
        config.outbox?.record({
          shopId,
          kind,
          recipient: message.to,
          subject: message.subject,
          text: message.text,
          secretLinks,
          secretsExpireAt: message.secretsExpireAt ?? null,
          outcome,
          failureReason,
        });

      if (!config.smtpUrl) {
        try {
          await record("saved");
        } catch (error) {
          console.error("recording mail in the outbox failed:", error);
          return { status: "failed", message: `The email to ${message.to} could not be saved. Try again.` };
        }
        const inOutbox = Boolean(config.outbox) && shopId !== null;
        if (!inOutbox || needsServerLog({ outcome: "saved", shopId, kind, secretLinks })) logUnsentMail(message);
        return inOutbox
          ? { status: "saved", message: `No mail server is configured (SMTP_URL), so the email to ${message.to} was not sent. Copy the link and give it to them yourself; Settings → Outbox keeps it too.`, outboxUrl: OUTBOX_PATH }
          : { status: "saved", message: `No mail server is configured (SMTP_URL), so the email to ${message.to} was not sent; it is in the server log.`, outboxUrl: null };
      }

      const timeout = config.timeoutMs ?? 15_000;
      const transport = nodemailer.createTransport(config.smtpUrl, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
      // The fields nodemailer knows; the outbox fields stay here.
      const envelope = { from: config.from, to: message.to, subject: message.subject, text: message.text, html: message.html };
      let result: MailDeliveryDto;
      let failureReason: string | undefined;
      try {
        await transport.sendMail(envelope);
        result = { status: "sent", message: `The email was sent to ${message.to}.` };
      } catch (error) {
        failureReason = error instanceof Error ? error.message : String(error);
        console.error(`mail to ${message.to} failed:`, failureReason);
        result = { status: "failed", message: `The email to ${message.to} could not be sent (the mail server did not accept it). Try again with Resend.` };
      } finally {
        transport.close();
      }
      // The mail went out (or did not) whatever happens to its record.
      await Promise.resolve(record(result.status === "sent" ? "sent" : "failed", failureReason)).catch((error: unknown) => {
        console.error("recording mail in the outbox failed:", error);
      });
      return result;
    },
  };
}

/** Without SMTP: the whole mail on the server's console, for the operator to hand on. */
function logUnsentMail(message: MailMessage): void {
  console.info(`[mail] SMTP_URL is not set; this mail to ${message.to} was not sent ("${message.subject}"):\n${message.text}\n[mail] end of mail`);
}

export function mailerConfigFromEnv(): MailerConfig {
  const config = getConfig();
  return {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outbox: { record: (entry) => callService(recordOutgoingMail, entry) },
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
