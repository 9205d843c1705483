// Profiles drainQueue in one process without contention: every statement the PostgreSQL driver
// sends (BEGIN and COMMIT included) is timed, per batch, so the benchmark can say where a drain's
// time goes. All members are online from the start.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";

export interface DrainProfile {
  assigned: number;
  total_ms: number;
  batches: number;
  statements: number;
  /** The slowest statements, summed over the whole drain. */
  top: Array<{ sql: string; count: number; total_ms: number; rows_sent_kb: number }>;
  /** Time outside the database (JavaScript: Prisma's query compiler, planning, serialising). */
  outside_db_ms: number;
}

const shorten = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 100);

export async function profileDrain(databaseUrl: string, shopId: string, memberIds: string[]): Promise<DrainProfile> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const log: Array<{ sql: string; ms: number; kb: number }> = [];
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      const sql = typeof first === "string" ? first : first?.text ?? "?";
      const values = typeof first === "string" ? (args[1] as unknown[] | undefined) : first?.values;
      const kb = Math.round(JSON.stringify(values ?? []).length / 102.4) / 10;
      const started = performance.now();
      const callback = args.at(-1);
      if (typeof callback === "function") {
        // pool.query passes a callback and gets no promise back.
        args[args.length - 1] = (...results: unknown[]) => {
          log.push({ sql: shorten(sql), ms: performance.now() - started, kb });
          return (callback as (...results: unknown[]) => unknown)(...results);
        };
      }
      const result = original(...args);
      if (typeof callback !== "function" && result && typeof (result as Promise<unknown>).then === "function") {
        void (result as Promise<unknown>).then(() => log.push({ sql: shorten(sql), ms: performance.now() - started, kb }), () => undefined);
      }
      return result;
    };
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const online = new Set(memberIds);
    const routing = { presence: { connected: async () => {}, disconnected: async () => {}, heartbeat: async () => {}, onlineMemberIds: async () => new Set(online), close: async () => {} }, now: () => new Date() };
    const started = performance.now();
    const result = await drainQueue(db, { shopId, routing });
    const total = performance.now() - started;
    await new Promise((resolve) => setImmediate(resolve));
    const bySql = new Map<string, { count: number; ms: number; kb: number }>();
    for (const entry of log) {
      const row = bySql.get(entry.sql) ?? { count: 0, ms: 0, kb: 0 };
      row.count += 1;
      row.ms += entry.ms;
      row.kb += entry.kb;
      bySql.set(entry.sql, row);
    }
    const dbMs = log.reduce((sum, entry) => sum + entry.ms, 0);
    return {
      assigned: result.assigned,
      total_ms: Math.round(total),
      batches: log.filter((entry) => entry.sql === "BEGIN").length,
      statements: log.length,
      top: [...bySql.entries()].map(([sql, row]) => ({ sql, count: row.count, total_ms: Math.round(row.ms), rows_sent_kb: Math.round(row.kb) })).sort((a, b) => b.total_ms - a.total_ms).slice(0, 12),
      outside_db_ms: Math.round(total - dbMs),
    };
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => undefined);
  }
}
