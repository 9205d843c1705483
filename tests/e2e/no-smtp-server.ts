// MAIL-1: a second production server with no SMTP_URL at all, as a fresh `npm start` has, on its
// own fresh database with the demo shop. The main e2e server sends to a test SMTP server, so a
// spec about "no mail server" starts this one next to it (scripts/e2e-server.mjs, SMTP_URL="").
import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

export interface NoSmtpServer {
  baseURL: string;
  /** What the server printed (its log shows mail that no outbox shows). */
  output(): string;
  stop(): Promise<void>;
}

export async function startNoSmtpServer(): Promise<NoSmtpServer> {
  const port = Number(process.env.E2E_PORT ?? 3210) + 50;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: { ...process.env, E2E_PORT: String(port), SMTP_URL: "", E2E_DATA_DIR: ".data/e2e-no-smtp" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  await expect.poll(async () => {
    if (child.exitCode !== null) throw new Error(`the no-SMTP server exited:\n${output}`);
    return fetch(`${baseURL}/sign-in`).then((response) => response.status, () => 0);
  }, { message: "the no-SMTP server answers", timeout: 150_000, intervals: [500] }).toBe(200);
  return {
    baseURL,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
