#!/usr/bin/env node
// Starts the production server for the Playwright suite on a fresh database with the demo shop:
// a new database on TEST_DATABASE_URL's server (or 127.0.0.1:5432 under CI), otherwise the
// embedded PostgreSQL in a wiped .data/e2e (E2E_DATA_DIR). Extra environment (SMTP_URL...) passes
// through; SMTP_URL set to the empty string means no mail server at all (MAIL-1 specs start a
// second server that way).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3210";
const env = { ...process.env, NODE_ENV: "production", PORT: port, HOSTNAME: "127.0.0.1", SEED_DEMO: "true", NEXT_TELEMETRY_DISABLED: "1", PRESENCE_GRACE_SECONDS: process.env.PRESENCE_GRACE_SECONDS ?? "2", SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:2526" };
if (env.SMTP_URL === "") delete env.SMTP_URL;
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const adminUrl = process.env.TEST_DATABASE_URL ?? (process.env.CI ? "postgresql://postgres@127.0.0.1:5432/postgres" : undefined);

let dropDatabase = async () => {};
if (adminUrl) {
  const name = `cp_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await client.end();
  };
} else {
  delete env.DATABASE_URL;
  env.DATA_DIR = dataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// SET-3: the server translates through a real Apertium APY (Debian's apertium-apy and
// apertium-eng-spa, installed by .ci/run) started here on a free loopback port, so the translation
// spec runs against a real engine. The shop's default is off, so no other spec sees a translation.
// E2E_TRANSLATION=off runs without an engine.
let stopApertium = async () => {};
if (process.env.E2E_TRANSLATION !== "off") {
  const apertium = await startApertium();
  env.TRANSLATION_ENGINE = "apertium";
  env.TRANSLATION_URL = apertium.url;
  stopApertium = apertium.stop;
}

async function startApertium() {
  const apy = "/usr/bin/apertium-apy";
  const modes = "/usr/share/apertium/modes";
  if (!fs.existsSync(apy) || !fs.existsSync(`${modes}/eng-spa.mode`)) {
    throw new Error("Apertium is not installed: apt-get install -y apertium-apy apertium-eng-spa (.ci/run does this), or set E2E_TRANSLATION=off");
  }
  const free = await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: freePort } = probe.address();
      probe.close(() => resolve(freePort));
    });
  });
  const child = spawn(apy, ["-p", String(free), modes], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${free}`;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}`);
    if (await fetch(`${url}/listPairs`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("apertium-apy did not answer within 30 s");
    }
    // Polling a starting process for readiness.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

// E2E_CLUSTER_NODES=N: the same fresh database behind HAProxy, N nodes (scripts/cluster.ts) on
// E2E_CLUSTER_BASE_PORT.. (default the next ports), the balancer on E2E_PORT.
const clusterNodes = Number(process.env.E2E_CLUSTER_NODES ?? 0);
const serverArgs = clusterNodes > 0
  ? ["--import", "tsx", "scripts/cluster.ts", `--nodes=${clusterNodes}`, `--port=${port}`, `--base-port=${process.env.E2E_CLUSTER_BASE_PORT ?? Number(port) + 1}`]
  : ["--import", "tsx", "server.ts"];
if (clusterNodes > 0) {
  env.CLUSTER_DATA_DIR = dataDir;
  env.SEED_DEMO = "true";
  if (!adminUrl) delete env.DATA_DIR; // the cluster starts the embedded PostgreSQL itself, in dataDir/pg
}
const server = spawn(process.execPath, serverArgs, { env, stdio: "inherit" });
const stop = (signal) => server.kill(signal);
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", async (code) => {
  await stopApertium().catch(() => undefined);
  await dropDatabase().catch(() => undefined);
  process.exit(code ?? 0);
});
