// Timing helpers shared by the scenarios.

/** The p-th percentile (0..100) by the nearest-rank method, in the samples' unit. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length);
  return sorted[rank - 1]!;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Runs `fn` `warmup` times untimed, then `runs` times, and returns each run's milliseconds. */
export async function time(fn: () => Promise<unknown>, options: { runs: number; warmup?: number }): Promise<number[]> {
  for (let index = 0; index < (options.warmup ?? 3); index += 1) await fn();
  const samples: number[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

export function summarize(samples: number[]): { runs: number; p50_ms: number; p95_ms: number; max_ms: number } {
  return { runs: samples.length, p50_ms: round2(percentile(samples, 50)), p95_ms: round2(percentile(samples, 95)), max_ms: round2(Math.max(...samples)) };
}
