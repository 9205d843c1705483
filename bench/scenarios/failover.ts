// `npm run bench -- failover [--buyers=200] [--agents=20] [--rate=60] [--seconds=50]
//   [--kill-at=10] [--restart-after=10] [--reconnect=product|immediate] [--port=3560]`
//
// kill -9 of one node of a 3-node cluster behind HAProxy in the middle of a conversation load
// (issue 14 item 5, NF-2, CHAT-3). The cluster is scripts/cluster's (production build, the
// shared Redis, database cp_bench_failover). Buyers (widget sockets) and agents (console sockets)
// connect through the balancer and behave like the product's delivery client
// (tests/integration/faults/fault-clients.ts, FollowingClient): every send is acknowledged or
// resent with the same client id, every (re)connection and every gap resumes each conversation
// from its last gap-free sequence number, and a dropped socket reconnects through the balancer
// after the product's Socket.IO back-off (widget 500 ms → 5 s, console 1 s → 5 s, randomized
// ±50 %). Each buyer's chat is assigned to an agent first; then messages go out at a fixed total
// rate, round robin over the chats, each chat alternating buyer and agent. At `--kill-at` seconds
// node-2 gets SIGKILL, and is started again `--restart-after` seconds later: a node takes 13-27 s
// of CPU to start on the 2-core machine, which the survivors share, so starting it at once would
// measure the start-up's CPU rather than the failover (on separate hosts it costs them nothing);
// it is back in rotation before the load ends.
//
// Counts (messages of the timed load only): sent; acked (the server acknowledged); received
// (the other side of the chat holds it, by message id, live or by resume); stored (rows in the
// database); lost (acked but not stored or never received by the other side); duplicated (rows
// beyond one per client id, plus live events delivering one message id twice to one client).
// Affected clients: those whose socket dropped after the kill (they were on node-2);
// failover_ms for each = time from the kill to that client's next delivered message.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { haproxyCommand, ROOT, startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { createPrismaClient } from "../../src/server/db/client";
import { seedBenchShop } from "../support/seed-bench-shop";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import { signInCookie } from "../../tests/factories/session-cookie";
import { FollowingClient, socketIoBackOff } from "../../tests/integration/faults/fault-clients";
import { percentile, round2 } from "../stats";
import { sleep } from "../support/child";
import { BENCH_REDIS_URL, prepareDatabase, truncateAll, withClient } from "../support/database";

const AUTH_SECRET = "bench-failover-secret-with-more-than-32-characters";
const GOAL_FAILOVER_P99_MS = 5_000;
/** The node that is killed (0-based index: node-2). */
const VICTIM = 1;
const CLIENT_ID_PREFIX = "fo_";

interface Options {
  buyers: number;
  agents: number;
  /** Messages a second, buyers and agents together. */
  rate: number;
  seconds: number;
  killAtS: number;
  restartAfterS: number;
  /** product: the widget's and console's Socket.IO back-off; immediate: 50 ms (the fault tests' client). */
  reconnect: "product" | "immediate";
  port: number;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const num = (name: string, fallback: number, min: number, max: number) => Math.min(max, Math.max(min, Number(value(name) ?? fallback) || fallback));
  const seconds = num("seconds", 50, 10, 600);
  const reconnect = value("reconnect") ?? "product";
  if (reconnect !== "product" && reconnect !== "immediate") throw new Error(`--reconnect is product or immediate, not ${reconnect}`);
  const killAtS = num("kill-at", Math.min(10, Math.round(seconds / 4)), 1, seconds - 1);
  return {
    buyers: Math.floor(num("buyers", 200, 1, 5_000)),
    agents: Math.floor(num("agents", 20, 1, 500)),
    // 60 a second: each chat gets a message every 3.3 s. At 100 the 2-core machine saturates (see README).
    rate: num("rate", 60, 1, 5_000),
    seconds,
    killAtS,
    restartAfterS: num("restart-after", 10, 0, seconds),
    reconnect,
    port: Math.floor(num("port", 3560, 1024, 65_000)),
  };
}

interface Seeded {
  shopId: string;
  agents: Array<{ memberId: string; cookie: string }>;
  buyers: Array<{ buyerId: string; token: string }>;
}

async function seed(url: string, options: Options): Promise<Seeded> {
  const db = createPrismaClient(url, { max: 4 });
  try {
    const { shop, members, buyers } = await seedBenchShop(db, { agents: options.agents, buyers: options.buyers });
    const now = new Date();
    return {
      shopId: shop.id,
      // Real sign-in sessions: the nodes check the cookie's session row as for a browser.
      agents: await Promise.all(members.map(async (member) => ({ memberId: member.id, cookie: (await signInCookie(db, member, AUTH_SECRET)).cookie }))),
      buyers: buyers.map((buyer) => ({ buyerId: buyer.id, token: signWidgetToken(AUTH_SECRET, { shopId: shop.id, buyerId: buyer.id }, now) })),
    };
  } finally {
    await db.$disconnect();
  }
}

/** Waits until every buyer's active session has an assignee; buyer id → member id. */
async function waitForAssignments(url: string, shopId: string, buyers: number): Promise<Map<string, string>> {
  const deadline = Date.now() + 60_000;
  return withClient(url, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ buyerId: string; assigneeId: string | null }>(
        `SELECT c."buyerId", s."assigneeId" FROM "Conversation" c JOIN "ChatSession" s ON s.id = c."activeSessionId" WHERE c."shopId" = $1`, [shopId]);
      const assigned = rows.filter((row) => row.assigneeId !== null);
      if (assigned.length === buyers) return new Map(assigned.map((row) => [row.buyerId, row.assigneeId!]));
      if (Date.now() > deadline) throw new Error(`only ${assigned.length} of ${buyers} sessions were assigned`);
      await sleep(100);
    }
  });
}

/** Opens clients a batch at a time (as visitors arrive) and waits for each one's ready. */
async function openAll(count: number, open: (index: number) => FollowingClient): Promise<FollowingClient[]> {
  const clients: FollowingClient[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, offset) => open(start + offset));
    clients.push(...batch);
    await Promise.race([Promise.all(batch.map((client) => client.ready())), sleep(30_000).then(() => Promise.reject(new Error("clients not ready within 30 s")))]);
  }
  return clients;
}

interface Sent {
  clientId: string;
  sentAt: number;
  chat: number;
  from: "buyer" | "agent";
  acked: boolean;
  messageId: string | null;
  error: string | null;
}

interface Chat {
  buyer: FollowingClient;
  agent: FollowingClient;
  conversationId: string;
}

const loadAverage1m = () => round2(os.loadavg()[0]!);
const CLOCK_TICKS_PER_S = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** HAProxy's per-server counters of the app backend: connection retries, redispatches, connection errors. */
async function balancerCounters(adminSocket: string): Promise<Record<string, { retries: number; redispatches: number; connection_errors: number; down_transitions: number }>> {
  const csv = await haproxyCommand(adminSocket, "show stat").catch(() => "");
  const [header, ...rows] = csv.trim().split("\n");
  if (!header) return {};
  const columns = header.replace(/^# /, "").split(",");
  const at = (row: string[], name: string) => Number(row[columns.indexOf(name)] || 0);
  const counters: Record<string, { retries: number; redispatches: number; connection_errors: number; down_transitions: number }> = {};
  for (const line of rows) {
    const row = line.split(",");
    if (row[0] !== "app" || row[1] === "FRONTEND") continue;
    counters[row[1]!] = { retries: at(row, "wretr"), redispatches: at(row, "wredis"), connection_errors: at(row, "econ"), down_transitions: at(row, "chkdown") };
  }
  return counters;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const loadBefore = loadAverage1m();
  log(`failover: 3 nodes behind HAProxy, ${options.buyers} buyers, ${options.agents} agents, ${options.rate} msg/s for ${options.seconds} s, kill -9 node-${VICTIM + 1} at ${options.killAtS} s, restart ${options.restartAfterS} s later, ${options.reconnect} reconnection (load average ${loadBefore})`);
  const url = await prepareDatabase("cp_bench_failover");
  await truncateAll(url);
  const seeded = await seed(url, options);
  log("database cp_bench_failover migrated and seeded");

  const dataDir = `.data/bench-failover-${process.pid}`;
  const nodeErrors: string[] = [];
  let nodeErrorLines = 0;
  let markedDownAt: number | null = null;
  let markedUpAt: number | null = null;
  const balancerLog: Array<{ at: number; line: string }> = [];
  let killedAt = 0;
  let cluster: Cluster | undefined;
  const clients: FollowingClient[] = [];
  try {
    const clusterStarted = performance.now();
    cluster = await startCluster({
      nodes: 3,
      publicPort: options.port,
      basePort: options.port + 1,
      databaseUrl: url,
      redisUrl: BENCH_REDIS_URL,
      dataDir,
      env: { NEXTAUTH_SECRET: AUTH_SECRET, SEED_DEMO: "false", LOG_LEVEL: "warn", LOG_FORMAT: "json" },
      onLine: (source, line) => {
        // HAProxy's own notices of the health checks, for when the balancer saw the node go and come back.
        if (source === "haproxy" && balancerLog.length < 100) balancerLog.push({ at: performance.now(), line });
        if (source === "haproxy" && line.includes(`app/node-${VICTIM + 1} is DOWN`) && killedAt > 0) markedDownAt ??= performance.now();
        if (source === "haproxy" && line.includes(`app/node-${VICTIM + 1} is UP`) && markedDownAt !== null) markedUpAt ??= performance.now();
        if (source.startsWith("node-") && /"level":(50|60)|uncaught|unhandled/i.test(line)) {
          nodeErrorLines += 1;
          if (nodeErrors.length < 5) nodeErrors.push(`${source}: ${line.slice(0, 300)}`);
        }
      },
    });
    const balancer = cluster.url;
    log(`cluster up on ${balancer} in ${((performance.now() - clusterStarted) / 1000).toFixed(1)} s`);

    const consoleBackOff = options.reconnect === "product" ? socketIoBackOff(1_000, 5_000) : undefined; // socket.io-client defaults (the console sets none)
    const widgetBackOff = options.reconnect === "product" ? socketIoBackOff(500, 5_000) : undefined; // src/components/widget/widget-client.ts
    const chatsOfAgent = new Map<string, string[]>();
    const agents = await openAll(seeded.agents.length, (index) => {
      const agent = seeded.agents[index]!;
      return new FollowingClient({ namespace: "/console", urls: [balancer], credentials: { cookie: agent.cookie }, conversationIds: () => chatsOfAgent.get(agent.memberId) ?? [], reconnectDelayMs: consoleBackOff });
    });
    clients.push(...agents);
    // Each buyer from its own address (the balancer appends the real one; the nodes trust loopback hops).
    const buyers = await openAll(seeded.buyers.length, (index) => new FollowingClient({
      namespace: "/widget",
      urls: [balancer],
      credentials: { token: seeded.buyers[index]!.token, headers: { "x-forwarded-for": `198.18.${index >> 8}.${(index & 255) + 1}` } },
      reconnectDelayMs: widgetBackOff,
    }));
    clients.push(...buyers);
    log(`${agents.length} consoles and ${buyers.length} widgets ready through the balancer`);

    // Every buyer writes once: the chat opens and the queue drains to an agent.
    const conversationOf = new Map<number, string>();
    for (let start = 0; start < buyers.length; start += 20) {
      await Promise.all(buyers.slice(start, start + 20).map(async (buyer, offset) => {
        const sent = await buyer.send({ clientId: `open_${String(start + offset).padStart(4, "0")}`, content: { kind: "text", body: "hello" } }, 60_000);
        conversationOf.set(start + offset, sent.message.conversationId);
      }));
    }
    const assignment = await waitForAssignments(url, seeded.shopId, buyers.length);
    const agentIndex = new Map(seeded.agents.map((agent, index) => [agent.memberId, index]));
    const chats: Chat[] = buyers.map((buyer, index) => {
      const memberId = assignment.get(seeded.buyers[index]!.buyerId)!;
      const conversationId = conversationOf.get(index)!;
      chatsOfAgent.set(memberId, [...(chatsOfAgent.get(memberId) ?? []), conversationId]);
      return { buyer, agent: agents[agentIndex.get(memberId)!]!, conversationId };
    });
    for (const chat of chats) void chat.agent.sync(chat.conversationId);
    log(`${chats.length} chats assigned to ${new Set(assignment.values()).size} agents; load starts`);

    // The load: slot k goes to chat k mod N; a chat's buyer and agent take turns. One send in
    // flight per client and chat, as the product's delivery client (one per conversation) sends:
    // the next waits behind it (a send not acknowledged is retried meanwhile).
    const sent: Sent[] = [];
    const queueOf = new Map<string, Promise<void>>();
    const send = (record: Sent, client: FollowingClient, payload: Record<string, unknown> & { clientId: string }) => {
      const key = `${record.from}:${record.chat}`;
      const previous = queueOf.get(key) ?? Promise.resolve();
      queueOf.set(key, previous.then(async () => {
        try {
          const result = await client.send(payload, 60_000);
          record.acked = true;
          record.messageId = result.message.id;
        } catch (error) {
          record.error = error instanceof Error ? error.message : String(error);
        }
      }));
    };
    const total = Math.round(options.rate * options.seconds);
    // CPU the surviving nodes and this client process spend during the load (node-2's own is lost with it).
    const survivors = cluster.nodes.filter((_, index) => index !== VICTIM).map((node) => node.child?.pid);
    const survivorsCpuAtStart = survivors.map(cpuSeconds);
    const clientCpuAtStart = process.cpuUsage();
    const loadStart = performance.now();
    let killPromise: Promise<void> | null = null;
    let restartStartedAt = 0;
    let restartReadyAt = 0;
    for (let slot = 0; slot < total;) {
      const now = performance.now();
      if (!killPromise && now - loadStart >= options.killAtS * 1000) {
        killedAt = performance.now();
        log(`kill -9 node-${VICTIM + 1} (pid ${cluster.nodes[VICTIM]!.child?.pid})`);
        const target = cluster;
        killPromise = target.killNode(VICTIM, "SIGKILL").then(async () => {
          await sleep(options.restartAfterS * 1000);
          restartStartedAt = performance.now();
          log(`starting node-${VICTIM + 1} again`);
          await target.startNode(VICTIM);
          restartReadyAt = performance.now();
          log(`node-${VICTIM + 1} back in rotation after ${((restartReadyAt - restartStartedAt) / 1000).toFixed(1)} s`);
        });
      }
      const due = Math.min(total, Math.floor(((now - loadStart) * options.rate) / 1000) + 1);
      for (; slot < due; slot += 1) {
        const chatIndex = slot % chats.length;
        const chat = chats[chatIndex]!;
        const from = Math.floor(slot / chats.length) % 2 === 0 ? "buyer" : "agent";
        const clientId = `${CLIENT_ID_PREFIX}${from}_${slot}`;
        const record: Sent = { clientId, sentAt: performance.now(), chat: chatIndex, from, acked: false, messageId: null, error: null };
        sent.push(record);
        const content = { kind: "text", body: `${from} ${slot}` };
        if (from === "buyer") send(record, chat.buyer, { clientId, content });
        else send(record, chat.agent, { conversationId: chat.conversationId, clientId, content });
      }
      await sleep(5);
    }
    const loadEnded = performance.now();
    const survivorsCpuS = survivors.map((pid, index) => round2(cpuSeconds(pid) - survivorsCpuAtStart[index]!));
    const clientCpu = process.cpuUsage(clientCpuAtStart);
    log(`load sent ${sent.length} messages; waiting for acknowledgements`);
    await Promise.all(queueOf.values());
    const lastAckAt = performance.now();
    if (killPromise) await killPromise;

    // Received: the other side of the chat holds the message (live or by a resume).
    const receiverOf = (record: Sent) => {
      const chat = chats[record.chat]!;
      return record.from === "buyer" ? chat.agent.timelineOf(chat.conversationId) : chat.buyer.timeline;
    };
    const isReceived = (record: Sent) => record.messageId !== null && receiverOf(record).arrivals.has(record.messageId);
    const drainUntil = performance.now() + 20_000;
    while (sent.some((record) => record.acked && !isReceived(record)) && performance.now() < drainUntil) await sleep(50);
    await sleep(500); // late duplicates show themselves
    log("drained; counting");

    const balancerStats = await balancerCounters(path.join(ROOT, dataDir, "haproxy.sock"));
    const storedRows = await withClient(url, (client) => client.query<{ clientId: string; copies: number }>(
      `SELECT "clientId", count(*)::int AS copies FROM "Message" WHERE "clientId" LIKE '${CLIENT_ID_PREFIX}%' GROUP BY "clientId"`));
    const storedCopies = new Map(storedRows.rows.map((row) => [row.clientId, row.copies]));
    const acked = sent.filter((record) => record.acked);
    const received = acked.filter(isReceived);
    const lostRecords = acked.filter((record) => !storedCopies.has(record.clientId) || !isReceived(record));
    const timelinesOf = (client: FollowingClient) => (client.timelines.size > 0 ? [...client.timelines.values()] : [client.timeline]);
    const liveDuplicates = clients.reduce((count, client) => count + timelinesOf(client).reduce((sum, timeline) => sum + timeline.liveDuplicates, 0), 0);
    const storedDuplicates = [...storedCopies.values()].reduce((sum, copies) => sum + copies - 1, 0);

    // Affected: a socket that dropped after the kill was on the killed node.
    const affected = clients.filter((client) => client.disconnectedAt.some((at) => at >= killedAt));
    // Delivery latency: from the send to the first arrival at the other side, live or by resume.
    const deliveryMs = received.map((record) => receiverOf(record).arrivals.get(record.messageId!)! - record.sentAt);
    // The same by when the message was sent: before the kill, during the outage, while node-2 starts, after.
    const phaseOf = (at: number) => (at < killedAt ? "before_kill" : !restartStartedAt || at < restartStartedAt ? "after_kill" : !restartReadyAt || at < restartReadyAt ? "while_restarting" : "after_restart");
    const deliveryByPhase: Record<string, { messages: number; p50_ms: number; p99_ms: number }> = {};
    for (const phase of ["before_kill", "after_kill", "while_restarting", "after_restart"]) {
      const samples = received.filter((record) => phaseOf(record.sentAt) === phase).map((record) => receiverOf(record).arrivals.get(record.messageId!)! - record.sentAt);
      deliveryByPhase[phase] = { messages: samples.length, p50_ms: round2(percentile(samples, 50)), p99_ms: round2(percentile(samples, 99)) };
    }
    const failoverMs: number[] = [];
    const attemptsToReconnect: number[] = [];
    const reconnectMs: number[] = [];
    const dropDetectedMs: number[] = [];
    let affectedWithoutDelivery = 0;
    for (const client of affected) {
      const nextArrival = Math.min(...timelinesOf(client).flatMap((timeline) => [...timeline.arrivals.values()].filter((at) => at > killedAt)));
      if (Number.isFinite(nextArrival)) failoverMs.push(nextArrival - killedAt);
      else {
        affectedWithoutDelivery += 1;
        failoverMs.push(loadEnded - killedAt); // at least this long: counted, not dropped
      }
      const readyAgain = client.readyAt.find((at) => at > killedAt);
      if (readyAgain !== undefined) reconnectMs.push(readyAgain - killedAt);
      attemptsToReconnect.push(client.disconnectedAt.filter((at) => at >= killedAt && (readyAgain === undefined || at < readyAgain)).length);
      dropDetectedMs.push(client.disconnectedAt.find((at) => at >= killedAt)! - killedAt);
    }
    const failoverP99 = round2(percentile(failoverMs, 99));
    const lost = lostRecords.length;
    const duplicated = storedDuplicates + liveDuplicates;
    const loadAfter = loadAverage1m();
    const goalMet = lost === 0 && duplicated === 0 && failoverP99 <= GOAL_FAILOVER_P99_MS && acked.length === sent.length;
    const ms = (value: number | null) => (value === null || !killedAt ? null : round2(value - killedAt));

    log(`sent ${sent.length}, acked ${acked.length}, received ${received.length}, stored ${storedCopies.size}, lost ${lost}, duplicated ${duplicated}; ${affected.length} affected clients, failover p50 ${round2(percentile(failoverMs, 50))} ms, p99 ${failoverP99} ms`);
    return {
      nodes: cluster.nodes.length,
      buyers: options.buyers,
      agents: options.agents,
      rate_msgs_per_s: options.rate,
      load_seconds: options.seconds,
      reconnect: options.reconnect,
      sent: sent.length,
      acked: acked.length,
      failed: sent.filter((record) => record.error !== null).length,
      received: received.length,
      stored: storedCopies.size,
      lost,
      duplicated,
      duplicated_stored: storedDuplicates,
      duplicated_live: liveDuplicates,
      affected_clients: affected.length,
      affected_buyers: affected.filter((client) => buyers.includes(client)).length,
      affected_agents: affected.filter((client) => agents.includes(client)).length,
      affected_without_delivery: affectedWithoutDelivery,
      failover_p50_ms: round2(percentile(failoverMs, 50)),
      failover_p99_ms: failoverP99,
      failover_max_ms: round2(Math.max(...failoverMs)),
      reconnect_p50_ms: round2(percentile(reconnectMs, 50)),
      reconnect_p99_ms: round2(percentile(reconnectMs, 99)),
      reconnect_attempts_max: Math.max(...attemptsToReconnect),
      reconnect_attempts_mean: round2(attemptsToReconnect.reduce((sum, n) => sum + n, 0) / Math.max(attemptsToReconnect.length, 1)),
      delivery_p50_ms: round2(percentile(deliveryMs, 50)),
      delivery_p99_ms: round2(percentile(deliveryMs, 99)),
      drop_detected_p99_ms: round2(percentile(dropDetectedMs, 99)),
      balancer_marked_down_ms: ms(markedDownAt),
      balancer_marked_up_ms: ms(markedUpAt),
      restart_ready_s: restartReadyAt ? round2((restartReadyAt - restartStartedAt) / 1000) : null,
      ack_drain_s: round2((lastAckAt - loadEnded) / 1000),
      send_failures_retried: clients.reduce((sum, client) => sum + client.sendFailures, 0),
      node_error_lines: nodeErrorLines,
      goal: `0 lost, 0 duplicated, failover p99 <= ${GOAL_FAILOVER_P99_MS} ms`,
      goal_met: goalMet,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      load_average_1m_before: loadBefore,
      load_average_1m_after: loadAfter,
      node: process.version,
      date: new Date().toISOString(),
      // CPU during the load: a surviving node's seconds per second of load, and per message it took part in (about 2/3 of them).
      survivor_cpu_s: survivorsCpuS,
      survivor_cpu_share: round2(survivorsCpuS.reduce((sum, value) => sum + value, 0) / survivorsCpuS.length / ((loadEnded - loadStart) / 1000)),
      client_cpu_s: round2((clientCpu.user + clientCpu.system) / 1e6),
      delivery_by_phase: deliveryByPhase,
      balancer_counters: balancerStats,
      // HAProxy's notices (health-check transitions), ms relative to the kill.
      balancer_log: balancerLog.map((entry) => `${Math.round(entry.at - killedAt)} ms: ${entry.line}`),
      node_first_errors: nodeErrors,
      first_failures: sent.filter((record) => record.error !== null).slice(0, 5).map((record) => `${record.clientId}: ${record.error}`),
      lost_client_ids: lostRecords.slice(0, 20).map((record) => record.clientId),
      node_exits: cluster.nodes.map((node) => ({ name: node.name, exits: node.exits })),
      failover_ms_sorted: [...failoverMs].sort((a, b) => a - b).map(Math.round),
    };
  } finally {
    clients.forEach((client) => client.close());
    await cluster?.stop().catch(() => undefined);
    fs.rmSync(path.join(ROOT, dataDir), { recursive: true, force: true });
  }
}
