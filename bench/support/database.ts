// A dedicated benchmark database on the PostgreSQL server named by BENCH_DATABASE_URL (any
// database on it; default postgresql://postgres@127.0.0.1:5432/postgres): created when missing,
// migrated with the product's own migrations and graphile-worker's, emptied between runs.
import pg from "pg";
import { applyMigrations } from "../../src/server/db/migrate";
import { migrateJobQueue } from "../../src/server/jobs/runner";

export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Load stays on this machine (team rule): refuse anything but loopback. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Benchmarks talk to 127.0.0.1 only, not ${host}`);
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` when missing, applies pending migrations and returns its URL. */
export async function prepareDatabase(name: string): Promise<string> {
  assertLoopback(BENCH_ADMIN_URL);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(BENCH_ADMIN_URL, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = databaseUrl(BENCH_ADMIN_URL, name);
  await applyMigrations(url);
  await migrateJobQueue(url);
  return url;
}

/** Empties every table of the product schema, graphile-worker's jobs and the given extra tables. */
export async function truncateAll(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => `"public"."${row.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    const jobs = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'graphile_worker' AND tablename = '_private_jobs'");
    if (jobs.rowCount) await client.query("DELETE FROM graphile_worker._private_jobs");
    await client.query("VACUUM ANALYZE");
  });
}
