// Over 300 lines on purpose: one scenario, with its baseline relay beside the product run it is compared with.
// `npm run bench -- message-path [--runs=3] [--rates=200,500,1000] [--duration=5] [--buyers=200]
//   [--agents=20] [--redis] [--translation] [--no-sustained] [--no-pin] [--no-profile] [--cpu-prof=<dir>]`
//
// Buyer-to-agent latency on real sockets (CHAT-3, NF-4). N buyers (widget sockets) and M agents
// (console sockets) talk to a server in its own process on 127.0.0.1; each buyer's session is
// assigned to one agent first, then buyers send at fixed total rates for a fixed duration each,
// every body carrying its send time; agents record when each message arrives. In the same run, the
// same load goes to a bare Socket.IO relay (one INSERT per message into a simple table of the same
// database, then forward to the agent) as the baseline. Runs alternate which server goes first.
// Lost: acknowledged to the buyer but not received by the assigned agent within the drain timeout.
// Duplicated: received more than once by one agent socket.
// --translation (SET-3): a third server in each run, the product translating every buyer message
// (Spanish, detected; into the agents' English) through a real Apertium APY started here; it
// reports the delivery latency beside the product's without translation, and each message's
// translation latency: from its send to message.translated at its agent.
// After the fixed rates, each server climbs from 250 msg/s by 250 up to 3,000 while its p99 stays
// under 50 ms with nothing failed, lost or duplicated: the last rate that held is its maximum
// sustained rate. Where the machine has 2 cores or more, this process (the load generator: every
// sender and receiver) runs on CPU 0 and the server under test on the others (taskset);
// PostgreSQL is not pinned.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import { createPrismaClient } from "../../src/server/db/client";
import { seedBenchShop } from "../support/seed-bench-shop";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import { startChild, sleep, type Child } from "../support/child";
import { BENCH_REDIS_URL, prepareDatabase, truncateAll, withClient } from "../support/database";
import { connectAll, connectSocket, createReceiver, type Agent, type Buyer, type PhaseResult } from "../support/message-load";
import { profileIngest, type IngestProfile } from "../support/profile-ingest";
import { signInCookie } from "../../tests/factories/session-cookie";
import { startApertium } from "../../tests/support/apertium-server";

const AUTH_SECRET = "bench-message-path-secret-with-more-than-32-chars";
const GOAL_P99_RATIO = 1.5;
const GOAL_RATE = 1_000;
/** The climb to the maximum sustained rate (issue 16): by this step, up to this rate, while p99 stays under this. */
const CLIMB_STEP = 250;
const CLIMB_MAX = 3_000;
const SUSTAINED_P99_MS = 50;
/** The product's maximum sustained rate should be at least this share of the baseline's. */
const GOAL_SUSTAINED_RATIO = 0.8;

interface Options {
  runs: number;
  rates: number[];
  durationS: number;
  buyers: number;
  agents: number;
  redis: boolean;
  /** Also run the product with translation on (needs apertium-apy and apertium-eng-spa). */
  translation: boolean;
  profile: boolean;
  /** Climb to each server's maximum sustained rate after the fixed rates. */
  sustained: boolean;
  /** Load generator on CPU 0, server under test on the other CPUs (2 cores or more, taskset present). */
  pin: boolean;
  /** Directory for V8 CPU profiles of the product server (`--cpu-prof=<dir>`), for finding hot code. */
  cpuProfDir: string | null;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const int = (name: string, fallback: number, max: number) => Math.min(max, Math.max(1, Number(value(name) ?? fallback) || fallback));
  return {
    runs: int("runs", 3, 10),
    rates: (value("rates") ?? "200,500,1000").split(",").map(Number).filter((rate) => rate > 0 && rate <= 5_000),
    durationS: int("duration", 5, 60),
    buyers: int("buyers", 200, 2_000),
    agents: int("agents", 20, 200),
    redis: args.includes("--redis"),
    translation: args.includes("--translation"),
    profile: !args.includes("--no-profile"),
    sustained: !args.includes("--no-sustained"),
    pin: !args.includes("--no-pin") && os.cpus().length >= 2 && spawnSync("taskset", ["-V"]).status === 0,
    cpuProfDir: value("cpu-prof") ?? null,
  };
}

/** "translated": the product with translation on (SET-3). */
type Mode = "product" | "baseline" | "translated";

/** What each buyer writes after the tag with translation on: Spanish the detector is sure of. */
const SPANISH_SUFFIX = "Hola, quisiera saber cuándo llega mi pedido y si puedo cambiar la talla de la camisa.";

interface ModeRun {
  mode: Mode;
  run: number;
  phases: PhaseResult[];
  /** The climb (--no-sustained: none): every rate tried, and the last one that held (0: not even the first). */
  climb: PhaseResult[];
  maxSustainedRate: number | null;
  serverErrors: number;
  serverFirstErrors: string[];
  disconnects: number;
}

interface Prepared {
  agents: Array<{ id: string; auth?: Record<string, unknown>; cookie?: string }>;
  buyers: Array<{ id: string; auth: Record<string, unknown>; agentId?: string }>;
  shopId?: string;
}

async function seedProduct(url: string, options: Options, translation: boolean): Promise<Prepared> {
  const db = createPrismaClient(url, { max: 4 });
  try {
    const { shop, members, buyers } = await seedBenchShop(db, { agents: options.agents, buyers: options.buyers });
    if (translation) {
      await db.shopSettings.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, translationMode: "auto" }, update: { translationMode: "auto" } });
    }
    const now = new Date();
    return {
      shopId: shop.id,
      // Real sign-in sessions: the server checks the cookie's session row as for a browser.
      agents: await Promise.all(members.map(async (member) => ({ id: member.id, cookie: (await signInCookie(db, member, AUTH_SECRET)).cookie }))),
      buyers: buyers.map((buyer) => ({ id: buyer.id, auth: { token: signWidgetToken(AUTH_SECRET, { shopId: shop.id, buyerId: buyer.id }, now) } })),
    };
  } finally {
    await db.$disconnect();
  }
}

function seedBaseline(options: Options): Prepared {
  const agents = Array.from({ length: options.agents }, () => ({ id: crypto.randomUUID() }));
  return {
    agents: agents.map((agent) => ({ id: agent.id, auth: { agentId: agent.id } })),
    buyers: Array.from({ length: options.buyers }, (_, index) => {
      const id = crypto.randomUUID();
      const agentId = agents[index % agents.length]!.id;
      return { id, agentId, auth: { buyerId: id, agentId } };
    }),
  };
}

/** Product only: each buyer writes once so its session opens and the queue drains to an agent. */
async function openSessions(url: string, prepared: Prepared, buyerSockets: Buyer["socket"][]): Promise<Map<string, string>> {
  // A few at a time, as buyers arrive; a refused first message is retried with the same client id.
  for (let start = 0; start < buyerSockets.length; start += 10) {
    await Promise.all(buyerSockets.slice(start, start + 10).map(async (socket, offset) => {
      const clientId = `open_${start + offset}_${crypto.randomBytes(4).toString("hex")}`;
      for (let attempt = 1; ; attempt += 1) {
        const reply = (await socket.timeout(60_000).emitWithAck("message:send", { clientId, content: { kind: "text", body: "hello" } })) as { ok: boolean; error?: { message: string } };
        if (reply.ok) return;
        if (attempt === 3) throw new Error(`a buyer's first message was refused: ${reply.error?.message}`);
      }
    }));
  }
  const deadline = Date.now() + 60_000;
  return withClient(url, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ buyerId: string; assigneeId: string | null }>(
        `SELECT c."buyerId", s."assigneeId" FROM "Conversation" c JOIN "ChatSession" s ON s.id = c."activeSessionId" WHERE c."shopId" = $1`, [prepared.shopId]);
      const assigned = rows.filter((row) => row.assigneeId !== null);
      if (assigned.length === prepared.buyers.length) return new Map(assigned.map((row) => [row.buyerId, row.assigneeId!]));
      if (Date.now() > deadline) throw new Error(`only ${assigned.length} of ${prepared.buyers.length} sessions were assigned`);
      await sleep(100);
    }
  });
}

async function runMode(mode: Mode, run: number, url: string, options: Options, log: (line: string) => void, translationUrl: string | null): Promise<ModeRun> {
  await truncateAll(url);
  const isProduct = mode !== "baseline";
  const translated = mode === "translated";
  const prepared = isProduct ? await seedProduct(url, options, translated) : seedBaseline(options);
  const server: Child = startChild("bench/support/message-node.ts", {
    MODE: isProduct ? "product" : "baseline", DATABASE_URL: url, AUTH_SECRET, REDIS_URL: options.redis ? BENCH_REDIS_URL : undefined, POOL_MAX: "20",
    TRANSLATION_URL: translated ? translationUrl ?? undefined : undefined,
  },
    mode === "product" && options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [],
    { cpus: options.pin ? serverCpus() : undefined });
  const sockets: Buyer["socket"][] = [];
  try {
    const { port } = await server.next<{ type: string; port: number }>("ready", 60_000);
    const serverUrl = `http://127.0.0.1:${port}`;
    const agentSockets = await connectAll(prepared.agents, (agent) => connectSocket(serverUrl, "/console", { auth: agent.auth, cookie: agent.cookie }), "console.ready");
    sockets.push(...agentSockets);
    const agents: Agent[] = prepared.agents.map((agent, index) => ({ id: agent.id, socket: agentSockets[index]! }));
    const receiver = createReceiver(agents);
    const buyerSockets = await connectAll(prepared.buyers, (buyer) => connectSocket(serverUrl, "/widget", { auth: buyer.auth }), "widget.ready");
    sockets.push(...buyerSockets);
    const assignment = isProduct ? await openSessions(url, prepared, buyerSockets) : new Map(prepared.buyers.map((buyer) => [buyer.id, buyer.agentId!]));
    const buyers: Buyer[] = prepared.buyers.map((buyer, index) => ({ id: buyer.id, agentId: assignment.get(buyer.id)!, socket: buyerSockets[index]! }));

    const phase = (tag: string, rate: number, durationS: number) =>
      receiver.runPhase({
        tag, buyers, rate, durationS, ackTimeoutMs: 30_000, drainTimeoutMs: translated ? 60_000 : 10_000, clientIdPrefix: `r${run}_${tag}`,
        // Every server gets the same bodies; only "translated" translates them.
        bodySuffix: options.translation ? SPANISH_SUFFIX : undefined,
        expectTranslations: translated,
      });
    // Warm-up (JIT, pools, prepared statements): not counted.
    await phase("warmup", 100, 2);
    const phases: PhaseResult[] = [];
    for (const rate of options.rates) {
      const result = await phase(`rate${rate}`, rate, options.durationS);
      phases.push(result);
      const translation = result.translation ? `  translated ${result.translation.done} (failed ${result.translation.failed}, missing ${result.translation.missing}) p50 ${result.translation.p50_ms} ms p99 ${result.translation.p99_ms} ms` : "";
      log(`  run ${run + 1} ${mode.padEnd(10)} ${String(rate).padStart(5)} msg/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms  acked ${result.acked}/${result.sent}  lost ${result.lost}  dup ${result.duplicated}  ack rate ${result.ack_rate}/s${translation}`);
      // Not sustained: a server this far behind would only queue more at a higher rate.
      if (result.failed > 0 || result.p99_ms > 15_000) {
        log(`  run ${run + 1} ${mode}: stopping before higher rates (${result.failed} failed, p99 ${result.p99_ms} ms)`);
        break;
      }
    }
    const climb: PhaseResult[] = [];
    let maxSustainedRate: number | null = null;
    if (options.sustained) {
      maxSustainedRate = 0;
      for (let rate = CLIMB_STEP; rate <= CLIMB_MAX; rate += CLIMB_STEP) {
        const result = await phase(`climb${rate}`, rate, options.durationS);
        climb.push(result);
        const held = result.p99_ms < SUSTAINED_P99_MS && result.failed === 0 && result.lost === 0 && result.duplicated === 0 && result.acked === result.sent;
        log(`  run ${run + 1} ${mode.padEnd(10)} climb ${String(rate).padStart(5)} msg/s  p99 ${result.p99_ms} ms  acked ${result.acked}/${result.sent}  ${held ? "held" : "did not hold"}`);
        if (!held) break;
        maxSustainedRate = rate;
      }
    }
    server.send({ type: "stats" });
    const stats = await server.next<{ type: string; errors: number; firstErrors: string[] }>("stats", 10_000).catch(() => ({ type: "stats", errors: -1, firstErrors: ["no stats"] }));
    return { mode, run, phases, climb, maxSustainedRate, serverErrors: stats.errors, serverFirstErrors: stats.firstErrors, disconnects: receiver.disconnects };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
  }
}

/** The server under test's CPUs when pinned: all but CPU 0, which this process (the load generator) keeps. */
const serverCpus = () => `1-${os.cpus().length - 1}`;

/** Pins this process (every thread) to CPU 0. */
function pinLoadGenerator(): void {
  const pinned = spawnSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)]);
  if (pinned.status !== 0) throw new Error(`taskset could not pin the load generator: ${pinned.stderr.toString()}`);
}

const median = (values: number[]) => {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[middle]! : Math.round(((finite[middle - 1]! + finite[middle]!) / 2) * 100) / 100;
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

interface Row {
  mode: Mode;
  rate_msgs_per_s: number;
  runs: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  p50_ms_per_run: number[];
  p99_ms_per_run: number[];
  ack_rate: number;
  sent: number;
  acked: number;
  failed: number;
  received: number;
  lost: number;
  duplicated: number;
  misrouted: number;
  out_of_order: number;
  /** "translated" only: translations counted over runs, latencies the median of each run's. */
  translation?: { done: number; failed: number; missing: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number };
}

const withoutEmptyFailures = ({ firstFailures, ...phase }: PhaseResult) => ({ ...phase, ...(firstFailures.length ? { firstFailures } : {}) });

function summarize(modeRuns: ModeRun[], mode: Mode, rate: number): Row | null {
  const phases = modeRuns.filter((run) => run.mode === mode).map((run) => run.phases.find((phase) => phase.rate === rate)).filter((phase): phase is PhaseResult => !!phase);
  if (phases.length === 0) return null;
  return {
    mode,
    rate_msgs_per_s: rate,
    runs: phases.length,
    p50_ms: median(phases.map((phase) => phase.p50_ms)),
    p90_ms: median(phases.map((phase) => phase.p90_ms)),
    p99_ms: median(phases.map((phase) => phase.p99_ms)),
    max_ms: Math.max(...phases.map((phase) => phase.max_ms)),
    p50_ms_per_run: phases.map((phase) => phase.p50_ms),
    p99_ms_per_run: phases.map((phase) => phase.p99_ms),
    ack_rate: median(phases.map((phase) => phase.ack_rate)),
    sent: sum(phases.map((phase) => phase.sent)),
    acked: sum(phases.map((phase) => phase.acked)),
    failed: sum(phases.map((phase) => phase.failed)),
    received: sum(phases.map((phase) => phase.received)),
    lost: sum(phases.map((phase) => phase.lost)),
    duplicated: sum(phases.map((phase) => phase.duplicated)),
    misrouted: sum(phases.map((phase) => phase.misrouted)),
    out_of_order: sum(phases.map((phase) => phase.out_of_order)),
    ...(mode === "translated" ? { translation: summarizeTranslations(phases.map((phase) => phase.translation!)) } : {}),
  };
}

function summarizeTranslations(results: NonNullable<PhaseResult["translation"]>[]): NonNullable<Row["translation"]> {
  return {
    done: sum(results.map((result) => result.done)),
    failed: sum(results.map((result) => result.failed)),
    missing: sum(results.map((result) => result.missing)),
    p50_ms: median(results.map((result) => result.p50_ms)),
    p95_ms: median(results.map((result) => result.p95_ms)),
    p99_ms: median(results.map((result) => result.p99_ms)),
    max_ms: Math.max(...results.map((result) => result.max_ms)),
  };
}

function printTable(rows: Row[]): void {
  const header = ["server", "rate/s", "runs", "p50 ms", "p90 ms", "p99 ms", "max ms", "acked/s", "sent", "received", "lost", "dup", "failed", "unordered"];
  const lines = rows.map((row) => [row.mode, row.rate_msgs_per_s, row.runs, row.p50_ms, row.p90_ms, row.p99_ms, row.max_ms, row.ack_rate, row.sent, row.received, row.lost, row.duplicated, row.failed, row.out_of_order].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  console.log("(latencies: median over runs of each run's percentile; counts: totals over runs)");
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]${line}`);
  if (options.pin) pinLoadGenerator();
  const loadBefore = os.loadavg();
  log(` message-path: ${options.buyers} buyers, ${options.agents} agents, rates ${options.rates.join("/")} msg/s × ${options.durationS} s, ${options.runs} runs${options.redis ? ", Redis adapter" : ""}`);
  const url = await prepareDatabase("cp_bench_msg");
  log(" database cp_bench_msg migrated");
  const apertium = options.translation ? await startApertium() : null;
  if (apertium) log(` Apertium APY at ${apertium.url}`);

  const modeRuns: ModeRun[] = [];
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const modes: Mode[] = options.translation ? ["baseline", "product", "translated"] : ["baseline", "product"];
      // Alternate which server goes first, so no mode always runs on the warmest machine.
      const order = run % 2 === 0 ? modes : [...modes].reverse();
      for (const mode of order) modeRuns.push(await runMode(mode, run, url, options, log, apertium?.url ?? null));
    }
  } finally {
    await apertium?.stop();
  }

  let profile: IngestProfile | null = null;
  if (options.profile) {
    await truncateAll(url);
    profile = await profileIngest(url);
    log(` profile: ${profile.round_trips_per_message} statements per buyer message (BEGIN/COMMIT included), ingest median ${profile.ingest_median_ms} ms unloaded vs ${profile.baseline_insert_median_ms} ms for the baseline INSERT`);
  }

  const rows: Row[] = [];
  for (const rate of options.rates) {
    for (const mode of ["baseline", "product", "translated"] as const) {
      const row = summarize(modeRuns, mode, rate);
      if (row) rows.push(row);
    }
  }
  printTable(rows);

  // The highest rate the product ran in every run (a run stops climbing when a rate fails).
  const reached = [...options.rates].reverse().find((rate) => modeRuns.filter((run) => run.mode === "product").every((run) => run.phases.some((phase) => phase.rate === rate))) ?? options.rates[0]!;
  // Sustained: every message acknowledged, at 95 % or more of the offered rate, in every run.
  const sustained = [...options.rates].reverse().find((rate) => modeRuns.filter((run) => run.mode === "product").every((run) => {
    const phase = run.phases.find((candidate) => candidate.rate === rate);
    return phase && phase.failed === 0 && phase.ack_rate >= 0.95 * rate;
  })) ?? null;
  const product = summarize(modeRuns, "product", reached);
  const baseline = summarize(modeRuns, "baseline", reached);
  const ratio = product && baseline ? Math.round((product.p99_ms / baseline.p99_ms) * 100) / 100 : Number.NaN;
  const goalMet = reached >= GOAL_RATE && ratio <= GOAL_P99_RATIO && product?.lost === 0 && product.duplicated === 0 && product.failed === 0;
  const translated = options.translation ? summarize(modeRuns, "translated", reached) : null;
  const sustainedOf = (mode: Mode) => (options.sustained ? median(modeRuns.filter((run) => run.mode === mode).map((run) => run.maxSustainedRate ?? 0)) : null);
  const productSustained = sustainedOf("product");
  const baselineSustained = sustainedOf("baseline");
  const sustainedRatio = productSustained !== null && baselineSustained ? Math.round((productSustained / baselineSustained) * 100) / 100 : null;

  return {
    rate_msgs_per_s: reached,
    p50_ms: product?.p50_ms ?? null,
    p99_ms: product?.p99_ms ?? null,
    baseline_p50_ms: baseline?.p50_ms ?? null,
    baseline_p99_ms: baseline?.p99_ms ?? null,
    p99_ratio: ratio,
    sustained_rate_msgs_per_s: sustained,
    sent: product?.sent ?? 0,
    received: product?.received ?? 0,
    lost: product?.lost ?? 0,
    duplicated: product?.duplicated ?? 0,
    failed: product?.failed ?? 0,
    out_of_order: product?.out_of_order ?? 0,
    goal: `p99 <= ${GOAL_P99_RATIO} x baseline p99 at ${GOAL_RATE} msg/s, 0 lost, 0 duplicated`,
    goal_met: goalMet,
    round_trips_per_message: profile?.round_trips_per_message ?? null,
    max_sustained_rate_msgs_per_s: productSustained,
    baseline_max_sustained_rate_msgs_per_s: baselineSustained,
    max_sustained_ratio: sustainedRatio,
    max_sustained_goal: `product >= ${GOAL_SUSTAINED_RATIO} x baseline (highest rate stepping by ${CLIMB_STEP} up to ${CLIMB_MAX} with p99 < ${SUSTAINED_P99_MS} ms and nothing failed, lost or duplicated; median over runs)`,
    max_sustained_goal_met: sustainedRatio !== null ? sustainedRatio >= GOAL_SUSTAINED_RATIO : null,
    max_sustained_per_run: Object.fromEntries((["baseline", "product", "translated"] as const).map((mode) => [mode, modeRuns.filter((run) => run.mode === mode).map((run) => run.maxSustainedRate)]).filter(([, rates]) => (rates as unknown[]).length > 0)),
    ...(translated ? {
      translated_p50_ms: translated.p50_ms,
      translated_p99_ms: translated.p99_ms,
      translated_lost: translated.lost,
      translated_duplicated: translated.duplicated,
      translated_failed: translated.failed,
      translation_p50_ms: translated.translation!.p50_ms,
      translation_p95_ms: translated.translation!.p95_ms,
      translation_p99_ms: translated.translation!.p99_ms,
      translations_done: translated.translation!.done,
      translations_failed: translated.translation!.failed,
      translations_missing: translated.translation!.missing,
    } : {}),
    runs: options.runs,
    buyers: options.buyers,
    agents: options.agents,
    duration_s_per_rate: options.durationS,
    redis_adapter: options.redis,
    cores: os.cpus().length,
    pinning: options.pin ? { load_generator: "0", server: serverCpus(), postgres: "not pinned" } : null,
    load_average_before: loadBefore.map((value) => Math.round(value * 100) / 100),
    load_average_after: os.loadavg().map((value) => Math.round(value * 100) / 100),
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    date: new Date().toISOString(),
    notes: "Latencies are medians over runs of each run's percentile; sent/received/lost/duplicated/failed are totals over all runs at that rate. Open-loop senders; buyer-to-agent latency measured in one client process.",
    rows,
    per_run: modeRuns.map((modeRun) => ({ ...modeRun, phases: modeRun.phases.map(withoutEmptyFailures), climb: modeRun.climb.map(withoutEmptyFailures) })),
    profile,
  };
}
