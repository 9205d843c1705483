// OPS-2: /readyz's checks. Ready means this node can serve a console: the database answers, every
// shipped migration is applied, Redis answers when one is configured (Redis is optional: without
// REDIS_URL the check reads "not_configured" and does not fail), and the HTTP server accepts
// connections. While shutting down the answer is "draining", so a balancer stops sending here.
import { Redis } from "ioredis";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import { checkDatabase, checkMigrations } from "@/server/services/ops/operational-figures";

export type CheckState = "ok" | "failing" | "not_configured";

export interface Readiness {
  status: "ready" | "not_ready" | "draining";
  checks: { database: CheckState; redis: CheckState; migrations: CheckState; sockets: CheckState };
  /** Names of the failing checks (absent when ready). */
  failing?: string[];
  /** Shipped migrations the database has not applied (absent when there are none). */
  pendingMigrations?: string[];
}

export interface ReadinessProbe {
  check(): Promise<Readiness>;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

function redisChecker(url: string | undefined): { check(): Promise<CheckState>; close(): Promise<void> } {
  if (!url) return { check: async () => "not_configured", close: async () => undefined };
  // Its own connection, so a probe never queues behind Socket.IO's or presence's traffic.
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: CHECK_TIMEOUT_MS, retryStrategy: () => null });
  client.on("error", () => undefined); // reported through the check, not as an unhandled event
  return {
    async check() {
      try {
        if (client.status === "wait" || client.status === "end" || client.status === "close") await client.connect();
        let timer: NodeJS.Timeout | undefined;
        const answer = await Promise.race([
          client.ping(),
          new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS))),
        ]).finally(() => clearTimeout(timer));
        return answer === "PONG" ? "ok" : "failing";
      } catch {
        return "failing";
      }
    },
    async close() {
      client.disconnect();
    },
  };
}

export function createReadinessProbe(input: {
  db: Database;
  redisUrl?: string;
  /** The migration folders this build ships (shippedMigrations()). */
  shippedMigrations: string[];
  /** Whether the HTTP server (and Socket.IO on it) is listening. */
  isAccepting: () => boolean;
  isDraining: () => boolean;
}): ReadinessProbe {
  const redis = redisChecker(input.redisUrl);
  return {
    async check() {
      const [database, redisState, migrations] = await Promise.all([
        checkDatabase(input.db, CHECK_TIMEOUT_MS),
        redis.check(),
        checkMigrations(input.db, { shipped: input.shippedMigrations, timeoutMs: CHECK_TIMEOUT_MS }),
      ]);
      const checks = { database, redis: redisState, migrations: migrations.outcome, sockets: input.isAccepting() ? "ok" : "failing" } satisfies Readiness["checks"];
      const failing = Object.entries(checks).filter(([, state]) => state === "failing").map(([name]) => name);
      const pending = migrations.pending.length ? { pendingMigrations: migrations.pending } : {};
      if (input.isDraining()) return { status: "draining", checks, failing: failing.length ? failing : undefined, ...pending };
      if (failing.length) return { status: "not_ready", checks, failing, ...pending };
      return { status: "ready", checks };
    },
    close: () => redis.close(),
  };
}
