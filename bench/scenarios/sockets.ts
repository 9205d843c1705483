// `npm run bench -- sockets [--sockets=20000] [--runs=1] [--rounds=20] [--fraction=0.01]
//   [--clients=4] [--concurrency=100] [--redis]`
//
// How many widget sockets one node holds, at what memory, and how fast it still reaches a few of
// them (issue 14 item 5, NF-2). One product realtime server (bench/support/sockets-node.ts) in its
// own process with a raised file limit; N buyers of a shop the scenario creates connect over
// WebSocket from several load processes (bench/support/sockets-client.ts, raw `ws` speaking the
// Socket.IO protocol), each authenticated with its widget token (the database lookup included),
// joined to its rooms (widget.ready) and answering the server's Engine.IO pings. Then:
// - heartbeat: one availability.changed to the shop's buyers room; every socket must receive it;
// - memory: the server's VmRSS from /proc/<pid>/status after a full collection, against the same
//   reading before any socket of the run connected (after a warm-up of 200 sockets that connected,
//   got a heartbeat and left, so JIT code and the ORM's first-query state are in the baseline);
// - broadcast: `rounds` times, message.created through publish() to a random `fraction` of the
//   sockets (one emit per buyer room); latency from the server's stamp before the fan-out to the
//   receipt at each target (one machine, one clock), p50/p99/max over every target of every round;
// - a second heartbeat: every socket still there.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { createPrismaClient } from "../../src/server/db/client";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import { startChild, sleep, type Child } from "../support/child";
import { BENCH_REDIS_URL, prepareDatabase, truncateAll } from "../support/database";
import { sortedPercentile } from "../support/message-load";

const AUTH_SECRET = "bench-sockets-secret-with-more-than-32-characters";
const GOAL_SOCKETS = 20_000;
const GOAL_KB_PER_SOCKET = 40;
const GOAL_BROADCAST_P99_MS = 200;
const WARMUP_SOCKETS = 200;

interface Options {
  sockets: number;
  runs: number;
  rounds: number;
  fraction: number;
  clients: number;
  concurrency: number;
  redis: boolean;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const int = (name: string, fallback: number, max: number) => Math.min(max, Math.max(1, Math.floor(Number(value(name) ?? fallback)) || fallback));
  return {
    sockets: int("sockets", GOAL_SOCKETS, 200_000),
    runs: int("runs", 1, 10),
    rounds: int("rounds", 20, 1_000),
    fraction: Math.min(1, Math.max(0.0001, Number(value("fraction") ?? 0.01) || 0.01)),
    clients: int("clients", 4, 16),
    concurrency: int("concurrency", 100, 1_000),
    redis: args.includes("--redis"),
  };
}

/**
 * The hard open-file limit this process may raise its children to. Going past it needs
 * CAP_SYS_RESOURCE (a container may not grant it); then the run holds as many sockets as fit.
 */
function fileHardLimit(): number {
  const match = /^Max open files\s+\S+\s+(\S+)/m.exec(fs.readFileSync("/proc/self/limits", "utf8"));
  return !match || match[1] === "unlimited" ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}
/** Descriptors the server needs besides its widget sockets: stdio, IPC, epoll, the listener, the pool, tsx. */
const SERVER_FD_MARGIN = 150;

/** VmRSS of a process, in KiB, as the kernel reports it. */
function vmRssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

interface GcReply { type: string; rss_kb: number; heap_used_kb: number; sockets: number; errors: number; firstErrors: string[] }

async function settledRss(server: Child, pid: number): Promise<{ rss_kb: number; heap_used_kb: number; sockets: number; errors: number; firstErrors: string[] }> {
  server.send({ type: "gc" });
  const reply = await server.next<GcReply>("gc", 60_000);
  return { ...reply, rss_kb: vmRssKb(pid) };
}

async function seed(url: string, count: number): Promise<{ shopId: string; tokens: string[] }> {
  const db = createPrismaClient(url, { max: 4 });
  try {
    const shop = await db.shop.create({ data: { name: "Bench shop", publicKey: `pk_bench_${crypto.randomUUID()}`, identitySecret: "bench", settings: { create: {} } } });
    const buyers = Array.from({ length: count }, (_, index) => ({ id: crypto.randomUUID(), shopId: shop.id, nickname: `buyer${index}`, visitorId: `visitor-${crypto.randomUUID()}` }));
    for (let start = 0; start < buyers.length; start += 5_000) await db.buyer.createMany({ data: buyers.slice(start, start + 5_000) });
    const now = new Date();
    return { shopId: shop.id, tokens: buyers.map((buyer) => signWidgetToken(AUTH_SECRET, { shopId: shop.id, buyerId: buyer.id }, now)) };
  } finally {
    await db.$disconnect();
  }
}

interface LoadClient { child: Child; offset: number; count: number }

function startClients(tokens: string[], clients: number, wantedFileLimit: number): LoadClient[] {
  const perClient = Math.ceil(tokens.length / clients);
  const fileLimit = Math.min(wantedFileLimit, fileHardLimit());
  return Array.from({ length: Math.min(clients, tokens.length) }, (_, index) => ({
    child: startChild("bench/support/sockets-client.ts", {}, [], { fileLimit }),
    offset: index * perClient,
    count: Math.max(0, Math.min(perClient, tokens.length - index * perClient)),
  })).filter((client) => client.count > 0);
}

/** Connects every client's share; each load process has its own source address (127.0.0.2, …), so local ports never run out. */
async function connectClients(clients: LoadClient[], tokens: string[], port: number, concurrency: number) {
  const perProcess = Math.max(1, Math.floor(concurrency / clients.length));
  const replies = await Promise.all(clients.map(async (client, index) => {
    client.child.send({ type: "connect", port, tokens: tokens.slice(client.offset, client.offset + client.count), localAddress: `127.0.0.${2 + index}`, concurrency: perProcess });
    return client.child.next<{ type: string; ready: number; failed: number; firstFailures: string[] }>("connected", 15 * 60_000);
  }));
  return { ready: replies.reduce((sum, reply) => sum + reply.ready, 0), failed: replies.reduce((sum, reply) => sum + reply.failed, 0), firstFailures: replies.flatMap((reply) => reply.firstFailures).slice(0, 5) };
}

/** Sends the shop's heartbeat and returns how many sockets had their `count`-th one within the timeout. */
async function heartbeat(server: Child, clients: LoadClient[], shopId: string, count: number): Promise<number> {
  server.send({ type: "heartbeat", shopId, round: count });
  await server.next("heartbeat", 10_000);
  const replies = await Promise.all(clients.map(async (client) => {
    client.child.send({ type: "heartbeats", count });
    return client.child.next<{ type: string; sockets: number }>("heartbeats", 30_000).catch(() => {
      client.child.send({ type: "heartbeats", count });
      return client.child.next<{ type: string; sockets: number }>("heartbeats", 10_000);
    });
  }));
  return replies.reduce((sum, reply) => sum + reply.sockets, 0);
}

interface Round { latencies: number[]; missing: number }

async function broadcastRound(server: Child, clients: LoadClient[], buyerIdsByIndex: (index: number) => string, total: number, targets: number, round: number): Promise<Round> {
  const chosen = new Set<number>();
  while (chosen.size < targets) chosen.add(crypto.randomInt(total));
  await Promise.all(clients.map(async (client) => {
    const indices = [...chosen].filter((index) => index >= client.offset && index < client.offset + client.count).map((index) => index - client.offset);
    client.child.send({ type: "expect", round, indices });
    await client.child.next("expecting", 10_000);
  }));
  server.send({ type: "broadcast", round, buyerIds: [...chosen].map(buyerIdsByIndex) });
  await server.next("broadcast", 10_000);
  const replies = await Promise.all(clients.map(async (client) => {
    return client.child.next<{ type: string; latencies_ms: number[]; missing: number }>("round-done", 10_000).catch(() => {
      client.child.send({ type: "collect" });
      return client.child.next<{ type: string; latencies_ms: number[]; missing: number }>("round-done", 10_000);
    });
  }));
  return { latencies: replies.flatMap((reply) => reply.latencies_ms), missing: replies.reduce((sum, reply) => sum + reply.missing, 0) };
}

interface RunResult {
  run: number;
  sockets: number;
  connect_failed: number;
  connect_first_failures: string[];
  connect_s: number;
  connect_rate_per_s: number;
  heartbeat_received: number;
  heartbeat_after_received: number;
  rss_start_mb: number;
  rss_baseline_mb: number;
  rss_mb: number;
  kb_per_socket: number;
  heap_baseline_mb: number;
  heap_mb: number;
  heap_kb_per_socket: number;
  broadcast_targets: number;
  broadcast_received: number;
  broadcast_missing: number;
  broadcast_p50_ms: number;
  broadcast_p99_ms: number;
  broadcast_max_ms: number;
  server_errors: number;
  server_first_errors: string[];
  load_average: number[];
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

async function runOnce(run: number, url: string, options: Options, log: (line: string) => void): Promise<RunResult> {
  await truncateAll(url);
  const { shopId, tokens } = await seed(url, options.sockets + WARMUP_SOCKETS);
  const buyerIds = tokens.map((token) => (JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { buyerId: string }).buyerId);
  const warmupTokens = tokens.slice(options.sockets);
  const runTokens = tokens.slice(0, options.sockets);
  log(` run ${run + 1}: ${tokens.length} buyers seeded`);

  // Sockets, the listening socket, database and Redis connections, and room to spare.
  const fileLimit = Math.min(fileHardLimit(), options.sockets + 10_000);
  const server = startChild("bench/support/sockets-node.ts", { DATABASE_URL: url, AUTH_SECRET, POOL_MAX: "10", ...(options.redis ? { REDIS_URL: BENCH_REDIS_URL } : {}) }, ["--expose-gc"], { fileLimit });
  const clients: LoadClient[] = [];
  try {
    const { port, pid } = await server.next<{ type: string; port: number; pid: number }>("ready", 60_000);
    if (pid !== server.process.pid) throw new Error(`server pid ${pid} is not the spawned pid ${server.process.pid}`);
    const start = await settledRss(server, pid);

    const warmup = startClients(warmupTokens, 1, WARMUP_SOCKETS + 1_000);
    const warm = await connectClients(warmup, warmupTokens, port, 50);
    if (warm.failed > 0) throw new Error(`warm-up: ${warm.failed} sockets failed: ${warm.firstFailures.join("; ")}`);
    await heartbeat(server, warmup, shopId, 1);
    for (const client of warmup) await client.child.stop();
    for (let waited = 0; (await settledRss(server, pid)).sockets > 0; waited += 100) {
      if (waited > 30_000) throw new Error("warm-up sockets still open on the server after 30 s");
      await sleep(100);
    }
    const baseline = await settledRss(server, pid);
    log(` run ${run + 1}: server RSS ${mb(start.rss_kb)} MB at start, ${mb(baseline.rss_kb)} MB after the warm-up (baseline)`);

    clients.push(...startClients(runTokens, options.clients, Math.ceil(options.sockets / options.clients) + 1_000));
    const connectStarted = Date.now();
    const connected = await connectClients(clients, runTokens, port, options.concurrency);
    const connectS = (Date.now() - connectStarted) / 1000;
    log(` run ${run + 1}: ${connected.ready} sockets ready in ${connectS.toFixed(1)} s, ${connected.failed} failed${connected.firstFailures.length ? ` (${connected.firstFailures.join("; ")})` : ""}`);

    // The warm-up's clients had one heartbeat already; these count from their own first.
    const heard = await heartbeat(server, clients, shopId, 1);
    log(` run ${run + 1}: heartbeat received by ${heard} sockets`);
    const held = await settledRss(server, pid);
    const sockets = Math.min(held.sockets, heard);
    log(` run ${run + 1}: server holds ${held.sockets} widget sockets, RSS ${mb(held.rss_kb)} MB, heap ${mb(held.heap_used_kb)} MB`);

    const targets = Math.max(1, Math.round(connected.ready * options.fraction));
    const latencies: number[] = [];
    let missing = 0;
    for (let round = 1; round <= options.rounds; round += 1) {
      const result = await broadcastRound(server, clients, (index) => buyerIds[index]!, connected.ready, targets, round);
      latencies.push(...result.latencies);
      missing += result.missing;
    }
    latencies.sort((a, b) => a - b);
    const after = await heartbeat(server, clients, shopId, 2);
    const end = await settledRss(server, pid);
    const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
    const result: RunResult = {
      run,
      sockets,
      connect_failed: connected.failed,
      connect_first_failures: connected.firstFailures,
      connect_s: Math.round(connectS * 10) / 10,
      connect_rate_per_s: Math.round(connected.ready / connectS),
      heartbeat_received: heard,
      heartbeat_after_received: after,
      rss_start_mb: mb(start.rss_kb),
      rss_baseline_mb: mb(baseline.rss_kb),
      rss_mb: mb(held.rss_kb),
      kb_per_socket: Math.round(((held.rss_kb - baseline.rss_kb) / sockets) * 100) / 100,
      heap_baseline_mb: mb(baseline.heap_used_kb),
      heap_mb: mb(held.heap_used_kb),
      heap_kb_per_socket: Math.round(((held.heap_used_kb - baseline.heap_used_kb) / sockets) * 100) / 100,
      broadcast_targets: targets * options.rounds,
      broadcast_received: latencies.length,
      broadcast_missing: missing,
      broadcast_p50_ms: sortedPercentile(latencies, 50),
      broadcast_p99_ms: sortedPercentile(latencies, 99),
      broadcast_max_ms: latencies.at(-1) ?? Number.NaN,
      server_errors: end.errors,
      server_first_errors: end.firstErrors,
      load_average: loadAverage,
    };
    log(` run ${run + 1}: ${result.kb_per_socket} KB/socket (heap ${result.heap_kb_per_socket}), broadcast to ${targets} × ${options.rounds}: p50 ${result.broadcast_p50_ms} ms p99 ${result.broadcast_p99_ms} ms max ${result.broadcast_max_ms} ms, missing ${missing}; second heartbeat ${after}; load ${loadAverage.join(" ")}`);
    return result;
  } finally {
    for (const client of clients) await client.child.stop();
    await server.stop();
  }
}

const median = (values: number[]) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 100) / 100;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]${line}`);
  log(` sockets: ${options.sockets} widget sockets from ${options.clients} load processes, ${options.rounds} broadcasts to ${options.fraction * 100} %, ${options.runs} run(s)${options.redis ? ", Redis adapter" : ""}`);
  const hardLimit = fileHardLimit();
  const requested = options.sockets;
  if (options.sockets + SERVER_FD_MARGIN > hardLimit) {
    options.sockets = hardLimit - SERVER_FD_MARGIN;
    log(` the hard open-file limit is ${hardLimit} and cannot be raised here (no CAP_SYS_RESOURCE): holding ${options.sockets} sockets, not ${requested}`);
  }
  const url = await prepareDatabase("cp_bench_sockets");
  const loadBefore = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const runs: RunResult[] = [];
  for (let run = 0; run < options.runs; run += 1) runs.push(await runOnce(run, url, options, log));

  const sockets = Math.min(...runs.map((result) => result.sockets));
  const kbPerSocket = median(runs.map((result) => result.kb_per_socket));
  const p99 = median(runs.map((result) => result.broadcast_p99_ms));
  const missing = runs.reduce((sum, result) => sum + result.broadcast_missing, 0);
  return {
    sockets,
    rss_mb: median(runs.map((result) => result.rss_mb)),
    rss_baseline_mb: median(runs.map((result) => result.rss_baseline_mb)),
    kb_per_socket: kbPerSocket,
    heap_kb_per_socket: median(runs.map((result) => result.heap_kb_per_socket)),
    broadcast_p50_ms: median(runs.map((result) => result.broadcast_p50_ms)),
    broadcast_p99_ms: p99,
    broadcast_max_ms: Math.max(...runs.map((result) => result.broadcast_max_ms)),
    broadcast_missing: missing,
    connect_failed: runs.reduce((sum, result) => sum + result.connect_failed, 0),
    connect_rate_per_s: median(runs.map((result) => result.connect_rate_per_s)),
    goal: `>= ${GOAL_SOCKETS} sockets, <= ${GOAL_KB_PER_SOCKET} KB RSS each, broadcast p99 <= ${GOAL_BROADCAST_P99_MS} ms to ${options.fraction * 100} % of them`,
    goal_met: sockets >= GOAL_SOCKETS && kbPerSocket <= GOAL_KB_PER_SOCKET && p99 <= GOAL_BROADCAST_P99_MS && missing === 0,
    runs: options.runs,
    requested_sockets: requested,
    fd_hard_limit: hardLimit === Number.MAX_SAFE_INTEGER ? "unlimited" : hardLimit,
    capped_by_fd_limit: options.sockets < requested,
    rounds: options.rounds,
    fraction: options.fraction,
    load_clients: options.clients,
    redis_adapter: options.redis,
    load_average_before: loadBefore.join(" "),
    load_average_after: os.loadavg().map((value) => Math.round(value * 100) / 100).join(" "),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    date: new Date().toISOString(),
    notes: "RSS is the server process's VmRSS from /proc/<pid>/status after two forced full GCs; kb_per_socket = (RSS with the sockets - RSS before they connected, same run, after a 200-socket warm-up) / sockets. Broadcast latency: server stamp before the fan-out to receipt at each target socket. Figures are medians over runs (sockets: the minimum).",
    per_run: runs,
  };
}
