// SET-3, issue 13: how long to wait before each retry of a failed engine call. Exponential from
// `baseMs`, capped at `maxMs`, with "full jitter" (a uniform share of the step) so that several
// nodes retrying after the same outage do not arrive together. `random` is injected (0 ≤ r < 1).
export interface RetryOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
}

export function retryDelays(options: RetryOptions, random: () => number = Math.random): number[] {
  const delays: number[] = [];
  for (let attempt = 0; attempt < options.retries; attempt += 1) {
    const step = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
    delays.push(Math.round(step / 2 + (step / 2) * random()));
  }
  return delays;
}
