// OPS-3: the Prometheus metrics (docs/operations.md lists them). One registry per process,
// created by server.ts. Gauges that describe the database are computed when Prometheus scrapes,
// each with one bounded query; durations arrive through the timing sink (timings.ts), so services
// and socket handlers never import prom-client.
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ServiceDatabase as Database } from "@/server/services/call-service";
import { jobBacklog, queueLengthsByShop } from "@/server/services/ops/operational-figures";
import { installTimingSink } from "@/server/observability/timings";

/** At most this many shops get a queue-length series (the longest queues). */
export const QUEUE_LENGTH_TOP_SHOPS = 50;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const WAIT_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600];

export interface SocketCounts {
  console: number;
  widget: number;
}

export interface Metrics {
  registry: Registry;
  observeHttp(input: { method: string; route: string; status: number; seconds: number }): void;
  /** The exposition text and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** Stops sending timings here (tests create several registries in one process). */
  close(): void;
}

export function createMetrics(input: { db: Database; sockets: () => SocketCounts | undefined; onError?: (message: string, error: unknown) => void }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry }); // includes nodejs_eventloop_lag_seconds
  const onError = input.onError ?? (() => undefined);

  const http = new Histogram({
    name: "counterpart_http_request_duration_seconds",
    help: "HTTP request duration by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const assignmentLatency = new Histogram({
    name: "counterpart_assignment_latency_seconds",
    help: "Time a session waited in the queue before it was assigned",
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  const messageIngest = new Histogram({
    name: "counterpart_message_ingest_seconds",
    help: "Time to handle a message:send command (store, publish, answer), by namespace",
    labelNames: ["namespace"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "counterpart_sockets",
    help: "Connected sockets on this node, by namespace",
    labelNames: ["namespace"] as const,
    registers: [registry],
    collect() {
      const counts = input.sockets();
      this.set({ namespace: "console" }, counts?.console ?? 0);
      this.set({ namespace: "widget" }, counts?.widget ?? 0);
    },
  });
  new Gauge({
    name: "counterpart_queue_length",
    help: `Queued (unassigned) sessions per shop, the ${QUEUE_LENGTH_TOP_SHOPS} longest queues`,
    labelNames: ["shop"] as const,
    registers: [registry],
    async collect() {
      this.reset(); // a shop whose queue emptied drops out instead of keeping its last value
      try {
        for (const row of await queueLengthsByShop(input.db, { limit: QUEUE_LENGTH_TOP_SHOPS })) this.set({ shop: row.shopId }, row.queued);
      } catch (error) {
        onError("metrics: reading queue lengths failed", error);
      }
    },
  });
  new Gauge({
    name: "counterpart_job_backlog",
    help: "Background jobs due to run that no worker has claimed yet",
    registers: [registry],
    async collect() {
      try {
        this.set(await jobBacklog(input.db));
      } catch (error) {
        onError("metrics: reading the job backlog failed", error);
      }
    },
  });

  installTimingSink({
    observe(name, seconds, labels) {
      if (name === "assignment_wait") assignmentLatency.observe(seconds);
      else if (name === "message_ingest") messageIngest.observe({ namespace: labels?.namespace ?? "unknown" }, seconds);
    },
  });

  return {
    registry,
    observeHttp: ({ method, route, status, seconds }) => http.observe({ method, route, status: String(status) }, seconds),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    close() {
      installTimingSink(undefined);
    },
  };
}
