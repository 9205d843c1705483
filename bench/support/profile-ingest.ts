// Profiles one buyer message on the product's path without load: every statement the
// PostgreSQL driver sends during ingestBuyerMessage (BEGIN and COMMIT included) is counted and
// timed, so the benchmark can say how many round trips a message costs and which ones. The
// baseline's single INSERT is timed the same way for comparison.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { createPrismaClient, driverPoolOf } from "../../src/server/db/client";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sortedPercentile } from "./message-load";

export interface IngestProfile {
  messages: number;
  round_trips_per_message: number;
  statements: Array<{ sql: string; count_per_message: number; median_ms: number }>;
  ingest_median_ms: number;
  ingest_p99_ms: number;
  baseline_insert_median_ms: number;
}

interface Recorded {
  sql: string;
  ms: number;
}

const shorten = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 110);

export async function profileIngest(databaseUrl: string, messages = 200): Promise<IngestProfile> {
  // The product's own client, so the message takes the production path (the grouped statement on
  // the driver pool, here a group of one).
  const db = createPrismaClient(databaseUrl, { max: 4 });
  const pool = driverPoolOf(db)!;
  let recording: Recorded[] | null = null;
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const sql = typeof first === "string" ? first : (first as { text?: string })?.text ?? "?";
      const started = performance.now();
      const log = recording;
      const callback = args.at(-1);
      if (log && typeof callback === "function") {
        // pool.query passes a callback and gets no promise back.
        args[args.length - 1] = (...results: unknown[]) => {
          log.push({ sql: shorten(sql), ms: performance.now() - started });
          return (callback as (...results: unknown[]) => unknown)(...results);
        };
      }
      const result = original(...args);
      if (log && typeof callback !== "function" && result && typeof (result as Promise<unknown>).then === "function") {
        void (result as Promise<unknown>).then(() => log.push({ sql: shorten(sql), ms: performance.now() - started }), () => undefined);
      }
      return result;
    };
  });
  try {
    const shop = await db.shop.create({ data: { name: "Profile shop", publicKey: `pk_profile_${crypto.randomUUID()}`, identitySecret: "profile", settings: { create: {} } } });
    const user = await db.user.create({ data: { email: `profile-${crypto.randomUUID()}@bench.test`, name: "profile" } });
    const member = await db.member.create({ data: { shopId: shop.id, userId: user.id, role: "agent", status: "active", nickname: "profiler", maxCapacity: 999 } });
    const buyer = await db.buyer.create({ data: { shopId: shop.id, nickname: "profile buyer", visitorId: `visitor-${crypto.randomUUID()}` } });
    const online = { presence: { connected: async () => {}, disconnected: async () => {}, heartbeat: async () => {}, onlineMemberIds: async () => new Set([member.id]), close: async () => {} }, now: () => new Date() };
    // The steady state being measured: the conversation exists and its session is open.
    await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "profile-first", content: { kind: "text", body: "hello" } });
    await drainQueue(db, { shopId: shop.id, routing: online });
    for (let index = 0; index < 20; index += 1) {
      await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: `profile-warm-${index}`, content: { kind: "text", body: "warm up" } });
    }

    const perMessage: Recorded[][] = [];
    const durations: number[] = [];
    for (let index = 0; index < messages; index += 1) {
      const log: Recorded[] = [];
      recording = log;
      const started = performance.now();
      await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: `profile-${index}`, content: { kind: "text", body: `profile ${index}` } });
      durations.push(performance.now() - started);
      recording = null;
      // The last statement's promise may settle a tick after the call returns.
      await new Promise((resolve) => setImmediate(resolve));
      perMessage.push(log);
    }

    await pool.query(`CREATE TABLE IF NOT EXISTS bench_relay_message (
      id bigserial PRIMARY KEY, client_id text NOT NULL, buyer_id text NOT NULL, agent_id text NOT NULL,
      body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const inserts: number[] = [];
    for (let index = 0; index < messages; index += 1) {
      const started = performance.now();
      await pool.query("INSERT INTO bench_relay_message (client_id, buyer_id, agent_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at", [`p${index}`, buyer.id, member.id, "profile"]);
      inserts.push(performance.now() - started);
    }

    const bySql = new Map<string, number[]>();
    for (const log of perMessage) for (const entry of log) bySql.set(entry.sql, [...(bySql.get(entry.sql) ?? []), entry.ms]);
    const statements = [...bySql.entries()].map(([sql, times]) => ({
      sql,
      count_per_message: Math.round((times.length / messages) * 100) / 100,
      median_ms: Math.round(sortedPercentile([...times].sort((a, b) => a - b), 50) * 1000) / 1000,
    }));
    const roundTrips = perMessage.reduce((sum, log) => sum + log.length, 0) / messages;
    durations.sort((a, b) => a - b);
    inserts.sort((a, b) => a - b);
    return {
      messages,
      round_trips_per_message: Math.round(roundTrips * 100) / 100,
      statements,
      ingest_median_ms: Math.round(sortedPercentile(durations, 50) * 1000) / 1000,
      ingest_p99_ms: Math.round(sortedPercentile(durations, 99) * 1000) / 1000,
      baseline_insert_median_ms: Math.round(sortedPercentile(inserts, 50) * 1000) / 1000,
    };
  } finally {
    // Ends the pool too.
    await db.$disconnect();
  }
}
