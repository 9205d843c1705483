// Issue 2, item 3: schema.prisma and prisma/migrations must agree, and migrations are ordinary
// Prisma migrations recorded in _prisma_migrations.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, runAdminSql } from "../support/postgres-server";
import { useTestDatabase } from "../support/test-database";

const execFileAsync = promisify(execFile);
const { db } = await useTestDatabase();
const adminUrl = inject("adminDatabaseUrl");
const scratch = `cp_drift_${crypto.randomBytes(4).toString("hex")}`;
afterAll(() => runAdminSql(adminUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));

describe("migrations (issue 2)", () => {
  it("every migration folder is recorded as applied, with the sha256 of its migration.sql", async () => {
    const folders = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const rows = await db.$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: Date | null }>>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("schema.prisma and the migrations agree (no migration would be generated)", async () => {
    // Ask Prisma's engine to create the next migration from the current schema, against a fresh
    // database and a copy of the migrations folder: agreement means it has nothing to write.
    await runAdminSql(adminUrl, `CREATE DATABASE "${scratch}"`);
    const migrationsCopy = fs.mkdtempSync(path.join(os.tmpdir(), "counterpart-migrations-"));
    fs.cpSync("prisma/migrations", migrationsCopy, { recursive: true });
    const { stdout } = await execFileAsync(
      process.execPath,
      ["scripts/prisma/prisma-wasm-migrate.mjs", "create", "--name", "drift_check", "--migrations", migrationsCopy],
      { env: { ...process.env, DATABASE_URL: databaseUrl(adminUrl, scratch) } },
    );
    const generated = fs.readdirSync(migrationsCopy).filter((name) => name.endsWith("_drift_check"));
    const drift = generated.map((name) => fs.readFileSync(path.join(migrationsCopy, name, "migration.sql"), "utf8")).join("\n");
    fs.rmSync(migrationsCopy, { recursive: true, force: true });
    expect(drift, "schema.prisma changed without a migration: run `npm run db:migration -- --name <what>`").toBe("");
    expect(stdout).toContain("Already in sync");
  });
});
