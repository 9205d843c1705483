// Vitest global setup for the integration project: one migrated template database per run;
// each test file clones it (tests/support/test-database.ts), so files are isolated and parallel.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/server/db/migrate";
import { migrateJobQueue } from "../../src/server/jobs/runner";
import { databaseUrl, runAdminSql, startTestPostgres } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  const templateDatabase = `cp_tpl_${process.pid}_${Date.now().toString(36)}`;
  await runAdminSql(postgres.adminUrl, `CREATE DATABASE "${templateDatabase}"`);
  await applyMigrations(databaseUrl(postgres.adminUrl, templateDatabase));
  await migrateJobQueue(databaseUrl(postgres.adminUrl, templateDatabase));
  project.provide("adminDatabaseUrl", postgres.adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await runAdminSql(postgres.adminUrl, `DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`).catch(() => undefined);
    await postgres.stop();
  };
}
