// A fixed-window counter per key (NF-3: widget endpoints are rate-limited per buyer). Pure: the
// caller passes `now`, so tests drive time. One instance per process; with several nodes each
// node limits what it serves, which bounds a buyer at nodes × limit.

export interface RateLimiter {
  /** Counts one hit; returns the milliseconds to wait when over the limit, else 0. */
  hit(key: string, now: number): number;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    hit(key, now) {
      let window = windows.get(key);
      if (!window || now - window.startedAt >= options.windowMs) {
        if (!window && windows.size >= maxKeys) {
          // Forget the oldest keys rather than grow without bound.
          for (const [oldKey, old] of windows) if (now - old.startedAt >= options.windowMs) windows.delete(oldKey);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        }
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > options.limit ? window.startedAt + options.windowMs - now : 0;
    },
  };
}
