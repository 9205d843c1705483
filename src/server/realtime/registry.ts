// The process's realtime server, registered by server.ts (or a test) so that services running
// inside Next.js route handlers can publish. Kept on globalThis because the custom server and
// Next.js's bundles load separate copies of this module.
import type { RealtimeServer } from "@/server/realtime/realtime-server";

const registry = globalThis as unknown as { __counterpartRealtime?: RealtimeServer };

export function registerRealtime(realtime: RealtimeServer | undefined): void {
  registry.__counterpartRealtime = realtime;
}

/** The realtime server, or undefined in a process without one (a script, a job runner). */
export function getRealtime(): RealtimeServer | undefined {
  return registry.__counterpartRealtime;
}
