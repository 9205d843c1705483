// The console's HTTP side for the console-queries benchmark: the product's own server (server.ts
// on the production build in .next) started against the bench database, its clock starting at
// the instant the data was generated around (libfaketime, Debian's `faketime` package: the SLA
// bands are those the service calls see, and the server's minute sweep, which would expire every
// active chat of a shop whose data is months old, finds nothing to do), members signed in
// through next-auth's credentials sign-in exactly as the sign-in page does it (CSRF token, then
// the callback: the session cookie it sets is what the browser sends), and a keep-alive client
// that calls a route and decodes its JSON as the console's fetch does.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT, sleep } from "./child";

export interface ConsoleServer {
  baseUrl: string;
  startMs: number;
  logFile: string;
  stop(): Promise<void>;
}

const LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

/** `2025-06-01 12:00:00`: libfaketime's "start at" form (the clock then runs on), in UTC. */
const fakeTimeStart = (date: Date) => `@${date.toISOString().slice(0, 19).replace("T", " ")}`;

/**
 * Starts `node --import tsx server.ts` in production mode, its wall clock starting at `clockStart`
 * (timers keep the real monotonic clock), and waits until /readyz answers 200.
 */
export async function startConsoleServer(input: { databaseUrl: string; port: number; authSecret: string; clockStart: Date }): Promise<ConsoleServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npx next build` first (the HTTP measurement serves the production bundle), or pass --no-http.");
  }
  if (!fs.existsSync(LIBFAKETIME)) {
    throw new Error(`${LIBFAKETIME} is missing: apt-get install -y faketime (the server's clock must start at the generated data's instant), or pass --no-http.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-bench-console-"));
  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const baseUrl = `http://127.0.0.1:${input.port}`;
  const started = Date.now();
  // BENCH_SERVER_NODE_FLAGS: extra Node.js flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const flags = (process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...flags, "--import", "tsx", "server.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(input.port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: input.databaseUrl,
      NEXTAUTH_SECRET: input.authSecret,
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      REDIS_URL: undefined,
      TRANSLATION_ENGINE: undefined,
      SMTP_URL: undefined,
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME: fakeTimeStart(input.clockStart),
      FAKETIME_DONT_FAKE_MONOTONIC: "1",
      TZ: "UTC",
    },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server.ts exited with ${child.exitCode} before it was ready; its log: ${logFile}\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    const ready = await fetch(`${baseUrl}/readyz`).then((response) => response.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server.ts was not ready within 180 s; its log: ${logFile}`);
    }
    // Polling a starting process for readiness (as scripts/e2e-server.mjs does).
    await sleep(250);
  }
  return { baseUrl, startMs: Date.now() - started, logFile, stop };
}

function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0]!;
    const separator = pair.indexOf("=");
    if (separator > 0) cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  return cookies;
}

/**
 * Signs in through next-auth's credentials provider as /sign-in does (GET /api/auth/csrf, then
 * POST /api/auth/callback/credentials) and returns the Cookie header the browser would send.
 */
export async function signInThroughProduct(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const jar = setCookies(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), origin: baseUrl, "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/console`, json: "true" }),
  });
  for (const [name, value] of setCookies(response)) jar.set(name, value);
  const session = [...jar].find(([name]) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${email} set no session cookie (HTTP ${response.status}: ${(await response.text()).slice(0, 300)})`);
  return `${session[0]}=${session[1]}`;
}

export interface JsonClient {
  /** GET `pathAndQuery` with the cookie; resolves with the decoded `data`, rejects on any non-200 or error body. */
  get(pathAndQuery: string, cookie: string): Promise<unknown>;
  close(): void;
}

/** One keep-alive connection, as a browser tab reuses its connection to the app. */
export function createJsonClient(baseUrl: string): JsonClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get(pathAndQuery, cookie) {
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path: pathAndQuery,
            method: "GET",
            headers: { accept: "*/*", cookie, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("error", reject);
            response.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              try {
                const body = JSON.parse(text) as { data?: unknown; error?: { code: string; message: string } };
                if (response.statusCode !== 200 || body.error) reject(new Error(`GET ${pathAndQuery}: ${response.statusCode} ${text.slice(0, 300)}`));
                else resolve(body.data);
              } catch {
                reject(new Error(`GET ${pathAndQuery}: ${response.statusCode}, not JSON: ${text.slice(0, 300)}`));
              }
            });
          },
        );
        request.on("error", reject);
        request.end();
      });
    },
    close: () => agent.destroy(),
  };
}
