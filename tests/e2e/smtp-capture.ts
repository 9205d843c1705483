// A real SMTP server on 127.0.0.1:2526, where the e2e server sends its mail (scripts/e2e-server.mjs).
// Specs run one at a time, so each spec that reads mail starts it before and stops it after.
import { expect } from "@playwright/test";
import { SMTPServer } from "smtp-server";

export const E2E_SMTP_PORT = 2526;

export interface CapturedMail {
  to: string[];
  text: string;
}

export async function startSmtpCapture(port = E2E_SMTP_PORT) {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Quoted-printable: join soft line breaks and decode escapes, as a mail client does.
        const text = Buffer.concat(chunks).toString("utf8").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((address) => address.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    mails,
    /** The path of the newest link matching `pattern` (one capture group) mailed to `to` after mail number `after`. */
    async linkPath(to: string, pattern: RegExp, after = 0): Promise<string> {
      let path: string | undefined;
      await expect.poll(() => {
        const mail = mails.slice(after).reverse().find((candidate) => candidate.to.includes(to));
        path = mail ? pattern.exec(mail.text)?.[1] : undefined;
        return path;
      }, { message: `a mail to ${to} with a link`, timeout: 15_000 }).toBeTruthy();
      return path!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
