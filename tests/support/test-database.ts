// A private database per test file, cloned from the migrated template in milliseconds, plus a
// truncate-everything helper so each test inside a file starts from empty tables.
import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Database } from "../../src/server/db/client";
import { databaseUrl, runAdminSql } from "./postgres-server";

export interface TestDatabase {
  url: string;
  db: Database;
  /** Empties every table (keeps the migrations table). */
  reset(): Promise<void>;
}

/** Call at the top level of a test file; the database is dropped after the file. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `cp_test_${crypto.randomBytes(6).toString("hex")}`;
  await runAdminSql(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  const url = databaseUrl(adminUrl, name);
  const db = createPrismaClient(url, { max: 30 });
  afterAll(async () => {
    await db.$disconnect();
    await runAdminSql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return {
    url,
    db,
    async reset() {
      const tables = await db.$queryRaw<Array<{ tablename: string }>>`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
      if (tables.length === 0) return;
      const list = tables.map((table) => `"public"."${table.tablename}"`).join(", ");
      await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
    },
  };
}
