// Prisma CLI configuration.
//
// These machines cannot download Prisma's native schema engine, so the CLI is pointed at a
// shim that runs the same engine compiled to WebAssembly (scripts/prisma/, see its README).
// `??=` keeps a native engine that a developer configured on purpose.
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma/schema-engine-shim.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // `prisma generate` needs no database; every other command is run with DATABASE_URL set.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/counterpart_unset",
  },
});
