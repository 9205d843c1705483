// `npm run cluster -- --nodes=3 [--port=3000] [--base-port=3001]`: N app nodes behind HAProxy on
// one public port (docs/deployment.md). DATABASE_URL, or an embedded PostgreSQL in
// CLUSTER_DATA_DIR/pg (default .data/cluster) started once for every node; REDIS_URL, default
// redis://127.0.0.1:6379. Ctrl-C or SIGTERM stops the balancer, then the nodes, then the
// embedded database, and prints one line. SIGHUP restarts the nodes one at a time.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, startCluster, type Cluster } from "./cluster/cluster";

const { values } = parseArgs({
  options: {
    nodes: { type: "string", default: "3" },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "base-port": { type: "string" },
  },
  strict: true,
});

function portOption(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) usage(`--${name} must be a port number (1-65535), not "${value}"`);
  return port;
}

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run cluster -- [--nodes=3] [--port=3000] [--base-port=<port+1>]`);
  process.exit(2);
}

const nodeCount = Number(values.nodes);
if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > 16) usage(`--nodes must be between 1 and 16, not "${values.nodes}"`);
const publicPort = portOption("port", values.port);
const basePort = portOption("base-port", values["base-port"] ?? String(publicPort + 1));
if (publicPort >= basePort && publicPort < basePort + nodeCount) usage(`--port ${publicPort} falls among the nodes' ports ${basePort}-${basePort + nodeCount - 1}`);

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.log("No production build in .next: building it first (npm run build)…");
  const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const width = Math.max("haproxy".length, `node-${nodeCount}`.length, "cluster".length);
const print = (source: string, line: string) => console.log(`${source.padEnd(width)} │ ${line}`);
// Node logs: one readable line each in a terminal, JSON for a log collector otherwise.
const logFormat = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");

let cluster: Cluster | undefined;
let stopping: Promise<void> | undefined;
let rolling = false;

async function stop(signal: string): Promise<void> {
  const started = Date.now();
  const codes = cluster ? await cluster.stop() : [];
  const clean = codes.every((code) => code === 0);
  const database = process.env.DATABASE_URL ? "" : ", embedded PostgreSQL";
  console.log(`${signal}: Counterpart cluster stopped (balancer, ${codes.length} nodes${database}) in ${((Date.now() - started) / 1000).toFixed(1)} s${clean ? "" : `; node exit codes ${codes.join(", ")}`}`);
  process.exit(clean ? 0 : 1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping ??= stop(signal);
  });
}
process.on("SIGHUP", () => {
  if (!cluster || rolling || stopping) return;
  rolling = true;
  print("cluster", "SIGHUP: rolling restart, one node at a time");
  cluster
    .rollingRestart((node) => print("cluster", `restarting ${node.name}`))
    .then(() => print("cluster", "rolling restart done"), (error: unknown) => print("cluster", `rolling restart failed: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => (rolling = false));
});

try {
  cluster = await startCluster({
    nodes: nodeCount,
    publicPort,
    basePort,
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    dataDir: process.env.CLUSTER_DATA_DIR ?? ".data/cluster",
    env: { LOG_FORMAT: logFormat },
    onLine: print,
  });
  if (stopping) await stopping;
  print("cluster", `Counterpart cluster is ready on http://localhost:${publicPort} (${nodeCount} nodes on ports ${basePort}-${basePort + nodeCount - 1}, HAProxy in front). Ctrl-C stops it; kill -HUP ${process.pid} rolls it.`);
} catch (error) {
  console.error(`The cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
