// OPS-5 with the embedded PostgreSQL, as `npm start` runs without DATABASE_URL: the server runs in
// a process group of its own and the signal goes to the whole group, as a terminal's Ctrl-C
// (SIGINT) or `kill -TERM -<pgid>` sends it. The database must stop last: before, it went away
// under the live pools and the job runner, and the log ended in graphile-worker's "terminating
// connection due to administrator command" and an uncaughtException of a pooled pg client.
// Readiness probes (each one a database query) keep running while the signal arrives.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Under the repository (not the system temp dir): the embedded server runs as the "postgres"
// user when we are root, and must be able to reach its data directory.
const DATA_DIR = path.join(ROOT, ".data", `test-shutdown-${process.pid}`);
afterAll(() => fs.rmSync(DATA_DIR, { recursive: true, force: true }));

const SYMPTOMS = [/uncaught/i, /terminating connection/i, /Connection terminated/i, /ECONNREFUSED/, /Shutdown: .* failed/, /exiting anyway/];

async function startThenSignalGroup(signal: "SIGTERM" | "SIGINT") {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL; // no DATABASE_URL: server.ts starts the embedded PostgreSQL
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "development", DATA_DIR, PORT: "0", HOSTNAME: "127.0.0.1", SEED_DEMO: "false", LOG_FORMAT: "json", REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, like a terminal's foreground job
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => {
      if (child.exitCode !== null) throw new Error(`server.ts exited early:\n${output}`);
      return /Counterpart is ready on http:\/\/localhost:(\d+)/.exec(output)?.[1];
    }, { timeout: 100_000, interval: 200 }).toBeDefined();
    const port = /Counterpart is ready on http:\/\/localhost:(\d+)/.exec(output)![1];
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // Probes in a loop while the signal arrives: each one queries the embedded database.
    let probing = true;
    const statuses: number[] = [];
    const probes = (async () => {
      while (probing) statuses.push(await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status, () => 0));
    })();
    await expect.poll(() => statuses.length).toBeGreaterThan(3);
    process.kill(-child.pid!, signal);
    const code = await exited;
    probing = false;
    await probes;
    return { code, output, statuses };
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  }
}

describe("graceful shutdown with the embedded PostgreSQL (OPS-5)", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("OPS-5 %s to the process group: everything closes before the embedded database stops, one final line, exit code 0", async (signal) => {
    const { code, output, statuses } = await startThenSignalGroup(signal);
    const messages = output.split("\n").filter((line) => line.startsWith("{")).map((line) => (JSON.parse(line) as { msg: string }).msg);
    for (const symptom of SYMPTOMS) expect(output).not.toMatch(symptom);
    expect(code).toBe(0);
    expect(messages.filter((message) => message === `${signal}: shutting down`)).toHaveLength(1);
    expect(messages.at(-1)).toBe("Counterpart stopped");
    // Probes answered 200 until the drain, then 503 or a refused connection: never a 500.
    expect(statuses.filter((status) => status !== 200 && status !== 503 && status !== 0)).toEqual([]);
    // The embedded server is gone with the app (nothing left listening in the data directory).
    expect(fs.existsSync(path.join(DATA_DIR, "pg", "postmaster.pid"))).toBe(false);
  }, 150_000);
});
