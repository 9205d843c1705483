// OPS-5 on the real composition root: server.ts started as a process (development mode, on this
// file's own database), then stopped by SIGTERM or SIGINT. The shutdown prints one line when it
// starts and one when it is done, and the process exits 0. On the way, a signed-in request
// through real Next.js shows that its log line carries the request id and the shop (OPS-4).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMember, createShop } from "../factories";
import { signInCookie } from "../factories/session-cookie";
import { useTestDatabase } from "../support/test-database";

const { db, url } = await useTestDatabase();
const AUTH_SECRET = "operations-shutdown-secret-0123456789abcdef";
const ROOT = path.resolve(import.meta.dirname, "../..");

async function runAndStop(signal: "SIGTERM" | "SIGINT") {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: url, PORT: "0", HOSTNAME: "127.0.0.1", SEED_DEMO: "false", LOG_FORMAT: "json", NEXTAUTH_SECRET: AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const records = () => output.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string });
  const messages = () => records().map((record) => record.msg);
  await expect.poll(() => {
    if (child.exitCode !== null) throw new Error(`server.ts exited early:\n${output}`);
    return messages().some((message) => message.startsWith("Counterpart is ready on"));
  }, { timeout: 90_000, interval: 200 }).toBe(true);
  const port = /localhost:(\d+)/.exec(messages().find((message) => message.startsWith("Counterpart is ready on"))!)![1];
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(ready.status).toBe(200);
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: `Owner ${signal}` });
  const { cookie } = await signInCookie(db, owner, AUTH_SECRET);
  const reqId = `shutdown-${signal}`;
  const counts = await fetch(`http://127.0.0.1:${port}/api/console/counts`, { headers: { cookie, "x-request-id": reqId } });
  expect(counts.status).toBe(200);
  expect(counts.headers.get("x-request-id")).toBe(reqId);
  await expect.poll(() => records().find((record) => record.reqId === reqId && record.msg === "request")).toMatchObject({ route: "/api/console/counts", status: 200, shopId: shop.id });
  expect(output).not.toContain(cookie.split("=").slice(1).join("=").slice(0, 40));
  child.kill(signal);
  child.kill(signal); // a second signal (Ctrl-C pressed twice) changes nothing
  const code = await exited;
  return { code, messages: messages() };
}

describe("graceful shutdown (OPS-5)", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("OPS-5 %s stops the server with one line at the start and one at the end, exit code 0 (OPS-4: a signed-in request logs its shop)", async (signal) => {
    const { code, messages } = await runAndStop(signal);
    expect(code).toBe(0);
    expect(messages.filter((message) => message === `${signal}: shutting down`)).toHaveLength(1);
    expect(messages.at(-1)).toBe("Counterpart stopped");
    expect(messages.filter((message) => message === "Counterpart stopped")).toHaveLength(1);
  }, 120_000);
});
