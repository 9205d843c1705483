// OPS-1..4 composed: readiness, metrics and the request layer that serves them in front of the
// app's own handler. server.ts builds one; the integration tests build one with a stand-in for
// Next.js. `startDraining` is the first step of a shutdown: /readyz answers 503 "draining".
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@/server/logger";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import { shippedMigrations } from "@/server/services/ops/operational-figures";
import { createMetrics, type Metrics, type SocketCounts } from "@/server/observability/metrics";
import { createOpsHttpHandler } from "@/server/observability/ops-http";
import { createReadinessProbe } from "@/server/observability/readiness";
import { findRouteFiles } from "@/server/observability/route-patterns";

export interface Operations {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  metrics: Metrics;
  startDraining(): void;
  close(): Promise<void>;
}

export function createOperations(input: {
  db: Database;
  log: Logger;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  redisUrl?: string;
  metricsToken?: string;
  sockets: () => SocketCounts | undefined;
  isAccepting: () => boolean;
  /** The project directory (prisma/migrations, src/app); the working directory by default. */
  rootDir?: string;
}): Operations {
  const rootDir = input.rootDir ?? process.cwd();
  let isDraining = false;
  const metrics = createMetrics({ db: input.db, sockets: input.sockets, onError: (message, error) => input.log.warn(message, { error: error instanceof Error ? error.message : String(error) }) });
  const readiness = createReadinessProbe({
    db: input.db,
    redisUrl: input.redisUrl,
    shippedMigrations: shippedMigrations(path.join(rootDir, "prisma", "migrations")),
    isAccepting: input.isAccepting,
    isDraining: () => isDraining,
  });
  const handler = createOpsHttpHandler({
    handle: input.handle,
    log: input.log,
    readiness,
    metrics,
    metricsToken: input.metricsToken,
    routePatterns: findRouteFiles(path.join(rootDir, "src", "app")),
  });
  return {
    handler,
    metrics,
    startDraining() {
      isDraining = true;
    },
    async close() {
      metrics.close();
      await readiness.close();
    },
  };
}
