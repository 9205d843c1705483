// OPS-3: how services and socket handlers report durations without knowing about Prometheus.
// The metrics module (metrics.ts) installs the sink; without one (a script, a test) timings are
// dropped. Kept on globalThis because the custom server and Next.js's bundles load separate
// copies of this module, and a drain started inside a route handler must reach the same sink.
export type TimingName = "assignment_wait" | "message_ingest";

export interface TimingSink {
  observe(name: TimingName, seconds: number, labels?: Record<string, string>): void;
}

const holder = globalThis as unknown as { __counterpartTimings?: TimingSink };

export function installTimingSink(sink: TimingSink | undefined): void {
  holder.__counterpartTimings = sink;
}

export function recordTiming(name: TimingName, seconds: number, labels?: Record<string, string>): void {
  if (!Number.isFinite(seconds) || seconds < 0) return;
  holder.__counterpartTimings?.observe(name, seconds, labels);
}

/** Runs `work` and records how long it took, whether it resolved or threw. */
export async function timed<T>(name: TimingName, labels: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    recordTiming(name, Number(process.hrtime.bigint() - started) / 1e9, labels);
  }
}
