// What the assignment services need from the running process: presence (who has the console
// open) and the clock. server.ts registers the real ones; tests pass their own.
import { createMemoryPresenceStore, DEFAULT_LIVE_TTL_MS, type PresenceStore } from "@/server/services/presence/presence-store";

export interface RoutingContext {
  presence: PresenceStore;
  now: () => Date;
}

const registry = globalThis as unknown as { __counterpartRouting?: RoutingContext };

export function registerRouting(context: RoutingContext): void {
  registry.__counterpartRouting = context;
}

export function getRouting(): RoutingContext {
  registry.__counterpartRouting ??= {
    presence: createMemoryPresenceStore({ graceMs: 30_000, liveTtlMs: DEFAULT_LIVE_TTL_MS }),
    now: () => new Date(),
  };
  return registry.__counterpartRouting;
}
