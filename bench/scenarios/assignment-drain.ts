// `npm run bench -- assignment-drain [--runs=3] [--sessions=10000] [--agents=100] [--processes=3]
//   [--no-baseline] [--no-growth] [--profile]`
//
// ASSIGN-4 / ASSIGN-7 at scale: the Unassigned queue holds 10,000 sessions (seeded with set-based
// SQL) when 100 members with mixed capacities (50..250, total above 10,000, so the whole queue
// must drain) come online, spread over 3 app processes that share one PostgreSQL and the Redis
// presence. Each process brings its members online as a console connection does (presence, then
// requestDrain for the shop). drain_ms runs from the first member online to the moment the
// queued count reaches zero (polled every 25 ms). Afterwards the records are checked:
// capacity_violations (members with more open sessions than their capacity), double_assignments
// (sessions taken from the queue more often than requeued + 1), unassigned_left, and the members'
// open-session counters against the real counts. In the same run a naive baseline drains the same
// queue: one session per transaction, FOR UPDATE SKIP LOCKED, same records written.
import crypto from "node:crypto";
import os from "node:os";
import { Redis } from "ioredis";
import { startChild, sleep, type Child } from "../support/child";
import { BENCH_REDIS_URL, prepareDatabase, truncateAll, withClient } from "../support/database";
import { profileDrain, type DrainProfile } from "../support/profile-drain";

const GOAL_MS = 3_000;

interface Options {
  runs: number;
  sessions: number;
  agents: number;
  processes: number;
  baseline: boolean;
  growth: boolean;
  profile: boolean;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const int = (name: string, fallback: number, max: number) => Math.min(max, Math.max(1, Number(value(name) ?? fallback) || fallback));
  return {
    runs: int("runs", 3, 10),
    sessions: int("sessions", 10_000, 100_000),
    agents: int("agents", 100, 1_000),
    processes: int("processes", 3, 8),
    baseline: !args.includes("--no-baseline"),
    growth: !args.includes("--no-growth"),
    profile: args.includes("--profile"),
  };
}

/** Deterministic mixed capacities from 50 to 250. */
export const capacityOf = (index: number) => 50 + ((index * 37) % 201);

type Mode = "product" | "baseline";

interface DrainRun {
  mode: Mode;
  run: number;
  drain_ms: number | null;
  completed: boolean;
  /** Sessions assigned per second until drained (or until the time limit). */
  sessions_per_s: number;
  capacity_violations: number;
  double_assignments: number;
  unassigned_left: number;
  counter_mismatches: number;
  assignments: number;
  system_notes: number;
  worker_errors: string[];
}

export async function seed(url: string, options: Options): Promise<{ shopId: string; memberIds: string[] }> {
  const shopId = crypto.randomUUID();
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Shop" (id, name, "publicKey", "identitySecret") VALUES ($1, 'Bench drain shop', $2, 'bench')`, [shopId, `pk_drain_${shopId}`]);
    await client.query(`INSERT INTO "ShopSettings" ("shopId", "updatedAt") VALUES ($1, now())`, [shopId]);
    const { rows: members } = await client.query<{ id: string }>(
      `WITH users AS (
         INSERT INTO "User" (id, email, name)
         SELECT gen_random_uuid(), 'drain-agent-' || g || '-' || $1::text || '@bench.test', 'agent' || g FROM generate_series(1, $2::int) AS g
         RETURNING id, name)
       INSERT INTO "Member" (id, "shopId", "userId", role, status, "maxCapacity", "acceptAutoAssign", nickname, "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, u.id, 'agent', 'active', 50 + ((substr(u.name, 6)::int - 1) * 37) % 201, true, u.name, now() FROM users u
       RETURNING id`,
      [shopId, options.agents]);
    // 10,000 buyers, each with a conversation, a first message and a queued session, oldest first.
    await client.query(
      `INSERT INTO "Buyer" (id, "shopId", nickname, "visitorId")
       SELECT gen_random_uuid(), $1::uuid, 'buyer' || g, 'visitor-' || g FROM generate_series(1, $2::int) AS g`, [shopId, options.sessions]);
    await client.query(
      `INSERT INTO "Conversation" (id, "shopId", "buyerId", "lastSeq", "lastMessageAt", "lastMessagePreview")
       SELECT gen_random_uuid(), $1::uuid, b.id, 1, now(), 'hello' FROM "Buyer" b WHERE b."shopId" = $1`, [shopId]);
    await client.query(
      `INSERT INTO "ChatSession" (id, "shopId", "conversationId", state, "queuedAt", "createdAt", "updatedAt", "oldestUnansweredAt", "lastBuyerMessageAt")
       SELECT gen_random_uuid(), $1::uuid, c.id, 'queued', t, t, t, t, t
       FROM (SELECT c.id, now() - interval '1 hour' + row_number() OVER (ORDER BY c.id) * interval '1 ms' AS t FROM "Conversation" c WHERE c."shopId" = $1) AS c`, [shopId]);
    await client.query(`UPDATE "Conversation" c SET "activeSessionId" = s.id FROM "ChatSession" s WHERE s."conversationId" = c.id AND c."shopId" = $1`, [shopId]);
    await client.query(
      `INSERT INTO "Message" (id, "shopId", "conversationId", "sessionId", seq, "clientId", "authorType", kind, body, "isAutomatic", "createdAt")
       SELECT gen_random_uuid(), $1::uuid, s."conversationId", s.id, 1, 'seed-' || s.id, 'buyer', 'text', 'hello', false, s."queuedAt"
       FROM "ChatSession" s WHERE s."shopId" = $1`, [shopId]);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return { shopId, memberIds: members.map((member) => member.id) };
  });
}

export async function check(url: string, shopId: string): Promise<Omit<DrainRun, "mode" | "run" | "drain_ms" | "completed" | "sessions_per_s" | "worker_errors">> {
  return withClient(url, async (client) => {
    const one = async (sql: string) => Number((await client.query<{ n: string }>(sql, [shopId])).rows[0]!.n);
    return {
      capacity_violations: await one(
        `SELECT count(*) AS n FROM "Member" m WHERE m."shopId" = $1
           AND (SELECT count(*) FROM "ChatSession" s WHERE s."assigneeId" = m.id AND s.state = 'open') > m."maxCapacity"`),
      double_assignments: await one(
        `SELECT count(*) AS n FROM (
           SELECT "sessionId", count(*) FILTER (WHERE kind IN ('auto', 'single_member', 'manual')) AS takes, count(*) FILTER (WHERE kind = 'requeue') AS requeues
           FROM "Assignment" WHERE "shopId" = $1 GROUP BY "sessionId") AS per_session
         WHERE takes > requeues + 1`),
      unassigned_left: await one(`SELECT count(*) AS n FROM "ChatSession" WHERE "shopId" = $1 AND state = 'queued'`),
      counter_mismatches: await one(
        `SELECT count(*) AS n FROM "Member" m WHERE m."shopId" = $1
           AND m."openSessionCount" <> (SELECT count(*) FROM "ChatSession" s WHERE s."assigneeId" = m.id AND s.state = 'open')`),
      assignments: await one(`SELECT count(*) AS n FROM "Assignment" WHERE "shopId" = $1`),
      system_notes: await one(`SELECT count(*) AS n FROM "Message" WHERE "shopId" = $1 AND "authorType" = 'system'`),
    };
  });
}

async function runOnce(mode: Mode, run: number, url: string, options: Options, log: (line: string) => void): Promise<DrainRun> {
  await truncateAll(url);
  const { shopId, memberIds } = await seed(url, options);
  const totalCapacity = memberIds.reduce((sum, _id, index) => sum + capacityOf(index), 0);
  const expectedLeft = Math.max(0, options.sessions - totalCapacity);
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 3 });
  await redis.del(`counterpart:presence:${shopId}`);
  // Bounded: the product gets 60 s, the naive baseline 20 s (its rate is reported when it does not finish).
  const deadlineMs = mode === "product" ? 60_000 : 20_000;
  const workers: Child[] = Array.from({ length: options.processes }, (_, index) =>
    startChild("bench/support/drain-worker.ts", { MODE: mode, DATABASE_URL: url, REDIS_URL: BENCH_REDIS_URL, SHOP_ID: shopId, WORKER: String(index + 1), DEADLINE_MS: String(deadlineMs) }));
  try {
    await Promise.all(workers.map((worker) => worker.next("ready", 60_000)));
    // Members are dealt round-robin to the processes, as consoles land on different nodes.
    const share = (index: number) => memberIds.filter((_id, memberIndex) => memberIndex % options.processes === index);
    const onlineAt = Promise.all(workers.map((worker) => worker.next<{ type: string; at: number }>("online", deadlineMs)));
    const done = Promise.all(workers.map((worker) => worker.next<{ type: string; error?: string }>("done", deadlineMs + 10_000)));
    for (const [index, worker] of workers.entries()) worker.send({ type: "go", memberIds: share(index) });

    let drainedAt: number | null = null;
    let lastPollAt = Date.now();
    let queued = options.sessions;
    const deadline = Date.now() + deadlineMs;
    await withClient(url, async (client) => {
      while (Date.now() < deadline) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ChatSession" WHERE "shopId" = $1 AND state = 'queued'`, [shopId]);
        lastPollAt = Date.now();
        queued = Number(rows[0]!.n);
        if (queued <= expectedLeft) {
          drainedAt = lastPollAt;
          return;
        }
        await sleep(25);
      }
    });
    const firstOnline = Math.min(...(await onlineAt).map((message) => message.at));
    const finished = await done;
    const figures = await check(url, shopId);
    const result: DrainRun = {
      mode,
      run,
      drain_ms: drainedAt === null ? null : drainedAt - firstOnline,
      completed: drainedAt !== null,
      sessions_per_s: Math.round((options.sessions - queued) / (Math.max(1, (drainedAt ?? lastPollAt) - firstOnline) / 1000)),
      ...figures,
      worker_errors: finished.map((message) => message.error).filter((error): error is string => !!error),
    };
    log(`  run ${run + 1} ${mode.padEnd(8)} drain ${result.drain_ms === null ? `not finished in ${deadlineMs}` : result.drain_ms} ms  ${result.sessions_per_s} sessions/s  violations ${result.capacity_violations}  doubles ${result.double_assignments}  left ${result.unassigned_left}  counter mismatches ${result.counter_mismatches}${result.worker_errors.length ? `  errors ${result.worker_errors.join("; ")}` : ""}`);
    return result;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await redis.del(`counterpart:presence:${shopId}`).catch(() => undefined);
    await redis.quit().catch(() => undefined);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function summarize(runs: DrainRun[]) {
  const finished = runs.filter((run) => run.drain_ms !== null).map((run) => run.drain_ms!);
  return {
    runs: runs.length,
    completed_runs: finished.length,
    drain_ms: finished.length === runs.length ? median(finished) : null,
    drain_ms_per_run: runs.map((run) => run.drain_ms),
    sessions_per_s: median(runs.map((run) => run.sessions_per_s)),
    capacity_violations: sum(runs.map((run) => run.capacity_violations)),
    double_assignments: sum(runs.map((run) => run.double_assignments)),
    unassigned_left: Math.max(...runs.map((run) => run.unassigned_left)),
    counter_mismatches: sum(runs.map((run) => run.counter_mismatches)),
  };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]${line}`);
  const totalCapacity = Array.from({ length: options.agents }, (_, index) => capacityOf(index)).reduce((a, b) => a + b, 0);
  log(` assignment-drain: ${options.sessions} queued sessions, ${options.agents} members (capacity 50..250, total ${totalCapacity}), ${options.processes} processes, ${options.runs} runs`);
  const url = await prepareDatabase("cp_bench_assign");
  log(" database cp_bench_assign migrated");

  const all: DrainRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const order: Mode[] = options.baseline ? (run % 2 === 0 ? ["product", "baseline"] : ["baseline", "product"]) : ["product"];
    for (const mode of order) all.push(await runOnce(mode, run, url, options, log));
  }
  const product = summarize(all.filter((run) => run.mode === "product"));
  const baseline = options.baseline ? summarize(all.filter((run) => run.mode === "baseline")) : null;

  // Growth (issue 16): the same drain with the queue and the members scaled together, 1k and 50k
  // beside the main size; the time per session at 50k should stay within 1.2 × that at 10k.
  const scaledSummaries = new Map<number, ReturnType<typeof summarize>>();
  if (options.growth) {
    for (const [sessions, agents] of [[1_000, 10], [50_000, 500]] as const) {
      const scaled = { ...options, sessions, agents };
      const runs: DrainRun[] = [];
      for (let run = 0; run < options.runs; run += 1) runs.push(await runOnce("product", run, url, scaled, log));
      scaledSummaries.set(sessions, summarize(runs));
    }
  }
  const faults = (summary: ReturnType<typeof summarize>) => summary.capacity_violations + summary.double_assignments + summary.counter_mismatches;
  const at1k = scaledSummaries.get(1_000);
  const at50k = scaledSummaries.get(50_000);
  const per10k = options.sessions === 10_000 && product.drain_ms !== null ? product.drain_ms / 10_000 : null;
  const per50k = at50k?.drain_ms != null ? at50k.drain_ms / 50_000 : null;
  const growthRatio = per10k && per50k ? Math.round((per50k / per10k) * 100) / 100 : null;
  const growth = Object.fromEntries([...scaledSummaries].flatMap(([sessions, summary]) => {
    const size = `${sessions / 1000}k`;
    return [[`drain_ms_${size}`, summary.drain_ms], [`drain_ms_${size}_per_run`, summary.drain_ms_per_run], [`violations_${size}`, faults(summary)]];
  }));

  let profile: DrainProfile | null = null;
  if (options.profile) {
    await truncateAll(url);
    const seeded = await seed(url, options);
    profile = await profileDrain(url, seeded.shopId, seeded.memberIds);
    log(` profile (one process, no contention): ${profile.assigned} assigned in ${profile.total_ms} ms, ${profile.batches} batches, ${profile.outside_db_ms} ms outside the database`);
    for (const row of profile.top.slice(0, 6)) log(`   ${String(row.total_ms).padStart(7)} ms  ×${row.count}  ${row.rows_sent_kb} KB sent  ${row.sql}`);
  }

  const header = ["claimer", "runs", "drain ms (median)", "per run", "sessions/s", "violations", "doubles", "left", "counter mismatches"];
  const lines = [["product", product] as const, ...(baseline ? [["naive baseline", baseline] as const] : [])].map(([name, s]) =>
    [name, String(s.runs), String(s.drain_ms ?? "not finished"), s.drain_ms_per_run.map((ms) => ms ?? "-").join(" / "), String(s.sessions_per_s), String(s.capacity_violations), String(s.double_assignments), String(s.unassigned_left), String(s.counter_mismatches)]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  console.log("(violations, doubles, mismatches: totals over runs; left: worst run)");

  const goalMet = product.drain_ms !== null && product.drain_ms <= GOAL_MS && product.capacity_violations === 0 && product.double_assignments === 0;
  return {
    sessions: options.sessions,
    agents: options.agents,
    processes: options.processes,
    total_capacity: totalCapacity,
    drain_ms: product.drain_ms,
    capacity_violations: product.capacity_violations,
    double_assignments: product.double_assignments,
    unassigned_left: product.unassigned_left,
    counter_mismatches: product.counter_mismatches,
    sessions_per_s: product.sessions_per_s,
    baseline_drain_ms: baseline?.drain_ms ?? null,
    baseline_sessions_per_s: baseline?.sessions_per_s ?? null,
    /** How many times faster the product drains than the naive loop (by throughput, so it holds when the baseline hits its time limit). */
    speedup_vs_baseline: baseline?.sessions_per_s && product.sessions_per_s ? Math.round((product.sessions_per_s / baseline.sessions_per_s) * 100) / 100 : null,
    drain_ms_1k: at1k?.drain_ms ?? null,
    drain_ms_10k: options.sessions === 10_000 ? product.drain_ms : null,
    drain_ms_50k: at50k?.drain_ms ?? null,
    /** Time per session at 50k over that at 10k (goal ≤ 1.2). */
    per_session_growth_50k_vs_10k: growthRatio,
    growth: options.growth ? growth : null,
    goal: `drained within ${GOAL_MS} ms, 0 capacity violations, 0 double assignments; time per session at 50k ≤ 1.2 × that at 10k`,
    goal_met: goalMet && (!options.growth || (growthRatio !== null && growthRatio <= 1.2 && !!at1k && faults(at1k) === 0 && !!at50k && faults(at50k) === 0)),
    runs: options.runs,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    date: new Date().toISOString(),
    notes: "drain_ms: median over runs, from the first member online (reported by the process) to the queued count reaching the expected remainder, polled every 25 ms; the product has 60 s, the baseline 20 s. Members come online all at once, dealt round-robin to the processes. Baseline: naive one-session-per-transaction claim loop with FOR UPDATE SKIP LOCKED in each process, writing the same records (session, counter, assignment record, system note).",
    product,
    baseline,
    per_run: all,
    profile,
  };
}
