// OPS-2, OPS-3: what /readyz and /metrics read from PostgreSQL. Each read is one bounded query
// with a time limit, so a slow or unreachable database answers "failing" instead of hanging a
// probe or a scrape.
import fs from "node:fs";
import path from "node:path";
import type { ServiceDatabase as Database } from "@/server/services/call-service";

export type CheckOutcome = "ok" | "failing";

/** Rejects after `ms`; the probe reports the check as failing rather than waiting on it. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDatabase(db: Database, timeoutMs = 2_000): Promise<CheckOutcome> {
  try {
    await within(timeoutMs, db.$queryRaw`SELECT 1`);
    return "ok";
  } catch {
    return "failing";
  }
}

/** The migration folders shipped with this build (prisma/migrations/<name>/migration.sql). */
export function shippedMigrations(migrationsDir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** "ok" when every shipped migration finished in the database; the pending ones otherwise. */
export async function checkMigrations(db: Database, input: { shipped: string[]; timeoutMs?: number }): Promise<{ outcome: CheckOutcome; pending: string[] }> {
  try {
    const applied = await within(input.timeoutMs ?? 2_000, db.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = input.shipped.filter((name) => !done.has(name));
    return { outcome: pending.length === 0 ? "ok" : "failing", pending };
  } catch {
    return { outcome: "failing", pending: [] };
  }
}

/** Queued sessions per shop, the longest queues first, at most `limit` shops. */
export async function queueLengthsByShop(db: Database, input: { limit: number; timeoutMs?: number }): Promise<Array<{ shopId: string; queued: number }>> {
  const rows = await within(input.timeoutMs ?? 2_000, db.$queryRaw<Array<{ shopId: string; queued: bigint }>>`
    SELECT "shopId"::text AS "shopId", count(*) AS queued FROM "ChatSession"
    WHERE "state" = 'queued' GROUP BY "shopId" ORDER BY queued DESC, "shopId" LIMIT ${input.limit}`);
  return rows.map((row) => ({ shopId: row.shopId, queued: Number(row.queued) }));
}

/** Jobs due to run that no worker holds yet (graphile-worker's queue). */
export async function jobBacklog(db: Database, timeoutMs = 2_000): Promise<number> {
  const rows = await within(timeoutMs, db.$queryRaw<Array<{ backlog: bigint }>>`
    SELECT count(*) AS backlog FROM graphile_worker.jobs
    WHERE locked_at IS NULL AND run_at <= now() AND attempts < max_attempts`);
  return Number(rows[0]?.backlog ?? 0);
}
