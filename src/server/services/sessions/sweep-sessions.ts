// The job runner's safety sweep (CHAT-8, ASSIGN-4): expires every open or queued session whose
// 7-day clock passed (a lost expire job is caught here) and names every shop with a queue to
// drain, and reports any drift of the members' open counts. Idempotent, safe on any node; the
// adapter publishes and drains.
import { EXPIRE_AFTER_MS } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { expireSessionIfDue } from "@/server/services/sessions/close-session";
import { findShopsWithCountDrift, reconcileOpenSessionCounts } from "@/server/services/assignment/reconcile-open-counts";
import { stateWhere } from "@/server/services/sessions/state-guards";
import { serviceResult, type ServiceEvent, type ServiceResult } from "@/server/services/service-result";

const SWEEP_BATCH = 1_000;

export async function sweepSessions(db: Database, input: { now: Date }): Promise<ServiceResult<{ expired: number; shopsDrained: number; countDrift: number }>> {
  const due = await db.chatSession.findMany({
    where: { state: stateWhere("expire"), oldestUnansweredAt: { lt: new Date(input.now.getTime() - EXPIRE_AFTER_MS) } },
    select: { id: true },
    take: SWEEP_BATCH,
  });
  let expired = 0;
  const events: ServiceEvent[] = [];
  for (const session of due) {
    const result = await expireSessionIfDue(db, { sessionId: session.id, now: input.now });
    if (!result?.data.closed) continue;
    expired += 1;
    events.push(...result.events);
  }
  const countDrift = await checkOpenCountDrift(db);
  const shops = await db.chatSession.findMany({ where: { state: stateWhere("assign"), botActive: false }, distinct: ["shopId"], select: { shopId: true }, take: SWEEP_BATCH });
  return serviceResult({ expired, shopsDrained: shops.length, countDrift }, events, shops.map((shop) => shop.shopId));
}

/**
 * ASSIGN-7: report (not repair) any drift of the hand-kept open counts; the metric is the total
 * and each drifting shop gets a log line from the reconciliation. Repair is an operator's call.
 */
async function checkOpenCountDrift(db: Database): Promise<number> {
  let drift = 0;
  for (const shopId of await findShopsWithCountDrift(db)) drift += (await reconcileOpenSessionCounts(db, { shopId })).drift;
  return drift;
}

/** One session's expire job; nothing happens when it is no longer due (answered, ended, or rescheduled). */
export async function expireDueSession(db: Database, input: { sessionId: string; now: Date }): Promise<ServiceResult<{ expired: boolean }>> {
  const result = await expireSessionIfDue(db, input);
  if (!result?.data.closed) return serviceResult({ expired: false });
  return serviceResult({ expired: true }, result.events, result.drain);
}
