// One Prisma client per process. The custom server (tsx) and Next.js's bundled route handlers
// load this module separately, so the instance is kept on globalThis to be shared by both.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { __counterpartPrisma?: PrismaClient };

/** The driver pool under each client made here: the buyer-message hot path talks to it directly (bench: message-path). */
const poolsByClient = new WeakMap<PrismaClient, pg.Pool>();

export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  // JIT off: our queries are short and bounded, and PostgreSQL's JIT, which starts by the plan's
  // estimated cost, spent over a second compiling a year's analytics aggregate that runs in a
  // fraction of that (docs/analytics.md, "Fast on history").
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 20, options: "-c jit=off" });
  // The client owns the pool: $disconnect() ends it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  poolsByClient.set(client, pool);
  return client;
}

/**
 * The pg pool of a client made by createPrismaClient (undefined for any other, and for a
 * transaction client). Only for statements whose cost per call matters more than Prisma's
 * conveniences; they share the client's connections and limits.
 */
export function driverPoolOf(db: unknown): pg.Pool | undefined {
  return poolsByClient.get(db as PrismaClient);
}

/** The process-wide client; DATABASE_URL is resolved by the server before anything asks. */
export function getDb(): PrismaClient {
  if (!globalForPrisma.__counterpartPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app through server.ts");
    globalForPrisma.__counterpartPrisma = createPrismaClient(url);
  }
  return globalForPrisma.__counterpartPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.__counterpartPrisma?.$disconnect();
  globalForPrisma.__counterpartPrisma = undefined;
}
