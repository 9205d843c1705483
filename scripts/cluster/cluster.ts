// A Counterpart cluster on loopback (issue 14): N app nodes (server.ts, production build) sharing
// one PostgreSQL and one Redis, behind HAProxy on one public port. Used by `npm run cluster`, the
// rolling-restart test and the failover benchmark, so all three run the same thing.
//
// Every child runs in its own process group: a terminal's Ctrl-C reaches only the cluster
// process, which then stops the pieces in order (balancer, nodes, the embedded database last).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { getAuthSecret } from "../../src/server/auth/secret";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/server/db/embedded-postgres";
import { haproxyConfig } from "./haproxy-config";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE_START_TIMEOUT_MS = 120_000;
const NODE_STOP_TIMEOUT_MS = 20_000;

export interface ClusterOptions {
  nodes: number;
  publicPort: number;
  /** Node i (1-based) listens on basePort + i - 1. */
  basePort: number;
  /** Shared PostgreSQL; without it an embedded one is started in dataDir/pg, once, for all nodes. */
  databaseUrl?: string;
  redisUrl: string;
  /** Uploads, the generated session secret, the HAProxy files (and the embedded database). */
  dataDir: string;
  /** Extra environment for every node (on top of this process's). */
  env?: Record<string, string | undefined>;
  /** Every output line of the nodes and of HAProxy, with where it came from. */
  onLine?: (source: string, line: string) => void;
}

export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  child: ChildProcess | null;
  /** Exit codes of the node's past processes, in order (null: killed by a signal). */
  exits: Array<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface Cluster {
  url: string;
  nodes: ClusterNode[];
  databaseUrl: string;
  authSecret: string;
  /** Starts node i's process again (after it exited) and waits until it is ready and back in rotation. */
  startNode(index: number): Promise<void>;
  /** Sends a signal to node i's process (kill -9 for the fault tests) and waits for it to exit. */
  killNode(index: number, signal: NodeJS.Signals): Promise<void>;
  /** One node: out of rotation, SIGTERM (it drains), started again, back in rotation. */
  restartNode(index: number): Promise<void>;
  /** restartNode for every node, one at a time (docs/deployment.md, "Rolling restart"). */
  rollingRestart(onStep?: (node: ClusterNode) => void): Promise<void>;
  /** Balancer, then the nodes, then the embedded database. Resolves with the nodes' exit codes. */
  stop(): Promise<Array<number | null>>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npm run build` first (the cluster serves the production bundle).");
  }
  await assertHaproxyInstalled();
  const dataDir = path.resolve(ROOT, options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const onLine = options.onLine ?? (() => {});

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    onLine("cluster", `No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(ROOT, dataDir) || "."}/pg (shared by every node)`);
    embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = embedded.url;
  }
  // Every node signs and checks the same session cookies and widget tokens.
  const previousDataDir = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  const authSecret = options.env?.NEXTAUTH_SECRET ?? getAuthSecret();
  process.env.DATA_DIR = previousDataDir;

  const nodes: ClusterNode[] = Array.from({ length: options.nodes }, (_, i) => ({
    name: `node-${i + 1}`,
    port: options.basePort + i,
    url: `http://127.0.0.1:${options.basePort + i}`,
    child: null,
    exits: [],
  }));
  const nodeEnv = (node: ClusterNode): NodeJS.ProcessEnv => ({
    ...process.env,
    ...options.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(node.port),
    HOSTNAME: "127.0.0.1",
    NODE_ID: node.name,
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl,
    NEXTAUTH_SECRET: authSecret,
    DATA_DIR: dataDir,
    // The balancer is the only hop in front of the nodes: believe its X-Forwarded-For, nothing more.
    TRUSTED_PROXIES: options.env?.TRUSTED_PROXIES ?? "127.0.0.1,::1",
    SEED_DEMO: options.env?.SEED_DEMO ?? process.env.SEED_DEMO ?? (embedded ? "true" : "false"),
  });

  const stopping = { value: false };
  const children = new Set<ChildProcess>();
  const killAllOnExit = () => children.forEach((child) => child.exitCode === null && child.kill("SIGTERM"));
  process.once("exit", killAllOnExit);

  function spawnNode(node: ClusterNode): ChildProcess {
    // CLUSTER_NODE_FLAGS: extra Node flags for every node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"
    // to profile the nodes under a benchmark (Node refuses --cpu-prof in NODE_OPTIONS).
    const flags = (process.env.CLUSTER_NODE_FLAGS ?? "").split(" ").filter(Boolean);
    const child = spawn(process.execPath, [...flags, "--import", "tsx", "server.ts"], { cwd: ROOT, env: nodeEnv(node), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    node.child = child;
    children.add(child);
    pipeLines(child, node.name, onLine);
    child.once("exit", (code, signal) => {
      children.delete(child);
      node.exits.push({ code, signal });
      if (node.child === child) node.child = null;
      if (!stopping.value) onLine("cluster", `${node.name} exited (${signal ?? `code ${code}`})`);
    });
    return child;
  }

  async function startNode(index: number): Promise<void> {
    const node = nodes[index]!;
    if (node.child) throw new Error(`${node.name} is already running`);
    const child = spawnNode(node);
    await waitUntilReady(node.url, child, node.name);
  }

  const adminSocket = path.join(dataDir, "haproxy.sock");
  const balancer = {
    child: null as ChildProcess | null,
    command: (line: string) => haproxyCommand(adminSocket, line),
    async setState(node: ClusterNode, state: "ready" | "maint") {
      const answer = await haproxyCommand(adminSocket, `set server app/${node.name} state ${state}`);
      if (answer.trim()) throw new Error(`HAProxy refused "${state}" for ${node.name}: ${answer.trim()}`);
    },
    async waitUntilUp(names: string[]) {
      const deadline = Date.now() + NODE_START_TIMEOUT_MS;
      for (;;) {
        const states = await serverStates(adminSocket).catch(() => new Map<string, string>());
        if (names.every((name) => states.get(name) === "UP")) return;
        if (Date.now() > deadline) throw new Error(`HAProxy did not see ${names.join(", ")} up: ${JSON.stringify(Object.fromEntries(states))}`);
        await delay(200);
      }
    },
  };

  const cleanUp = async () => {
    stopping.value = true;
    await stopChild(balancer.child, "SIGTERM");
    await Promise.all(nodes.map((node) => stopChild(node.child, "SIGTERM")));
    await embedded?.stop().catch(() => undefined);
    process.removeListener("exit", killAllOnExit);
  };

  try {
    // The first node applies the migrations (and seeds the demo shop) alone; the others follow.
    await startNode(0);
    await Promise.all(nodes.slice(1).map((_, i) => startNode(i + 1)));

    const configFile = path.join(dataDir, "haproxy.cfg");
    fs.rmSync(adminSocket, { force: true });
    fs.writeFileSync(configFile, haproxyConfig({ publicPort: options.publicPort, nodes, adminSocket }));
    const child = spawn("haproxy", ["-db", "-f", configFile], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    balancer.child = child;
    children.add(child);
    pipeLines(child, "haproxy", onLine);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (!stopping.value) onLine("cluster", `HAProxy exited (${signal ?? `code ${code}`})`);
    });
    await waitForFile(adminSocket, child);
    await balancer.waitUntilUp(nodes.map((node) => node.name));
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const cluster: Cluster = {
    url: `http://127.0.0.1:${options.publicPort}`,
    nodes,
    databaseUrl,
    authSecret,
    async startNode(index) {
      await startNode(index);
      await balancer.waitUntilUp([nodes[index]!.name]);
    },
    async killNode(index, signal) {
      await stopChild(nodes[index]!.child, signal);
    },
    async restartNode(index) {
      const node = nodes[index]!;
      // Out of rotation first, so no new connection reaches a node that is about to close.
      await balancer.setState(node, "maint");
      await stopChild(node.child, "SIGTERM");
      const exit = node.exits.at(-1);
      if (exit?.code !== 0) throw new Error(`${node.name} did not stop cleanly: ${JSON.stringify(exit)}`);
      await startNode(index);
      await balancer.setState(node, "ready");
      await balancer.waitUntilUp([node.name]);
    },
    async rollingRestart(onStep) {
      for (let i = 0; i < nodes.length; i++) {
        onStep?.(nodes[i]!);
        await cluster.restartNode(i);
      }
    },
    async stop() {
      await cleanUp();
      return nodes.map((node) => node.exits.at(-1)?.code ?? null);
    },
  };
  return cluster;
}

async function assertHaproxyInstalled(): Promise<void> {
  const found = await new Promise<boolean>((resolve) => {
    const probe = spawn("haproxy", ["-v"], { stdio: "ignore" });
    probe.once("error", () => resolve(false));
    probe.once("exit", (code) => resolve(code === 0));
  });
  if (!found) throw new Error("HAProxy is not installed: `apt-get install -y haproxy` (Debian's package, 2.6 or later).");
}

function pipeLines(child: ChildProcess, source: string, onLine: (source: string, line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => onLine(source, line));
  }
}

/** SIGTERM (or the given signal), then SIGKILL if the process outlives the stop timeout. */
async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), NODE_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + NODE_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start (${child.signalCode ?? `code ${child.exitCode}`})`);
    const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${name} was not ready within ${NODE_START_TIMEOUT_MS / 1000} s (last /readyz: ${status || "no answer"})`);
    await delay(250);
  }
}

async function waitForFile(file: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(file)) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited during start (code ${child.exitCode})`);
    if (Date.now() > deadline) throw new Error("HAProxy did not open its admin socket");
    await delay(100);
  }
}

/** One command on HAProxy's runtime API; the answer is what it wrote before closing. */
export function haproxyCommand(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.once("error", reject);
    socket.once("end", () => resolve(answer));
    socket.once("connect", () => socket.end(`${line}\n`));
  });
}

/** Server name → status (UP, DOWN, MAINT, ...) of the app backend, from `show stat`. */
async function serverStates(socketPath: string): Promise<Map<string, string>> {
  const csv = await haproxyCommand(socketPath, "show stat");
  const [header, ...rows] = csv.trim().split("\n");
  const columns = header!.replace(/^# /, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  const states = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[at("pxname")] === "app" && !["FRONTEND", "BACKEND"].includes(cells[at("svname")]!)) states.set(cells[at("svname")]!, cells[at("status")]!);
  }
  return states;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
