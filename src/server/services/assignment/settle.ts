// Queue drains requested after a change committed (ASSIGN-4); apply-service-result.ts is the one
// adapter that asks for them. Drains are coalesced per shop in this process: while
// one runs, further requests fold into a single follow-up run, so a burst of triggers costs at
// most two drains, and none is lost.
import type { Database } from "@/server/db/client";
import { drainQueue } from "@/server/services/assignment/drain-queue";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import { publish } from "@/server/realtime/publish";
import { recordTiming } from "@/server/observability/timings";

const running = new Map<string, Promise<void>>();
const again = new Set<string>();

export function requestDrain(db: Database, shopId: string, routing?: RoutingContext): Promise<void> {
  if (running.has(shopId)) {
    again.add(shopId);
    return running.get(shopId)!;
  }
  const run = (async () => {
    try {
      do {
        again.delete(shopId);
        const { events, queueWaitsSeconds } = await drainQueue(db, { shopId, routing, publishNotes: publish });
        publish(events);
        for (const seconds of queueWaitsSeconds) recordTiming("assignment_wait", seconds);
      } while (again.has(shopId));
    } catch (error) {
      console.error(`Draining the queue of shop ${shopId} failed; the safety sweep will retry`, error);
    } finally {
      running.delete(shopId);
    }
  })();
  running.set(shopId, run);
  return run;
}


/**
 * Resolves once no drain is running in this process: a shutdown waits for them before closing
 * the database (a drain cut off mid-transaction is rolled back, and the safety sweep would redo
 * it, but there is no reason to make it), and so does a test before it resets its tables.
 */
export async function waitForDrains(): Promise<void> {
  while (running.size > 0) await Promise.all([...running.values()]);
}
