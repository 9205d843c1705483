// ASSIGN-7: Member.openSessionCount is kept by hand (assignment, transfer, end, expiry, requeue
// move it in the same transaction as the session) because capacity checks read it inside the
// shop's assignment lock, thousands of times per drain. A hand-kept counter can drift (a missed
// path, a manual fix in the database), so this compares it with the open sessions it counts and
// reports every difference: a metric value (`drift`, the sum of |stored - actual|) and one log
// line per run that found any. With `repair`, the counter is set to the real count under the
// assignment lock, so no move races the fix. The sweep job (sweep-sessions.ts) reports drift
// every minute; tests call it directly.
import type { Database } from "@/server/db/client";
import { lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { stateGuardSql } from "@/server/services/sessions/state-guards";
import { Prisma } from "@/generated/prisma/client";

export interface CountDrift {
  memberId: string;
  stored: number;
  actual: number;
}

export interface ReconcileResult {
  shopId: string;
  membersChecked: number;
  drifted: CountDrift[];
  /** The metric: total absolute difference between stored and actual counts (0 when in step). */
  drift: number;
  repaired: boolean;
}

export async function reconcileOpenSessionCounts(
  db: Database,
  input: { shopId: string; repair?: boolean; log?: (line: string) => void },
): Promise<ReconcileResult> {
  const log = input.log ?? ((line: string) => console.warn(line));
  return db.$transaction(async (tx) => {
    // Under the lock the counts cannot move while they are compared (and repaired).
    await lockShopAssignments(tx, input.shopId);
    // "Open" is the state a transfer leaves from: the one in which a member holds a session.
    const rows = await tx.$queryRaw<Array<{ memberId: string; stored: number; actual: number }>>`
      SELECT m.id AS "memberId", m."openSessionCount" AS stored,
             (SELECT count(*)::int FROM "ChatSession" s
              WHERE s."shopId" = m."shopId" AND s."assigneeId" = m.id AND ${stateGuardSql("transfer", Prisma.sql`s.state`)}) AS actual
      FROM "Member" m
      WHERE m."shopId" = ${input.shopId}::uuid
      ORDER BY m.id`;
    const drifted = rows.filter((row) => row.stored !== row.actual);
    const drift = drifted.reduce((sum, row) => sum + Math.abs(row.stored - row.actual), 0);
    if (drifted.length > 0) {
      log(`openSessionCount drift in shop ${input.shopId}: ${drift} across ${drifted.length} member(s) (${drifted.map((row) => `${row.memberId} stored ${row.stored} actual ${row.actual}`).join("; ")})${input.repair ? "; repaired" : ""}`);
      if (input.repair) {
        for (const row of drifted) await tx.member.update({ where: { id: row.memberId }, data: { openSessionCount: row.actual } });
      }
    }
    return { shopId: input.shopId, membersChecked: rows.length, drifted, drift, repaired: Boolean(input.repair) && drifted.length > 0 };
  });
}

/**
 * The shops (at most `limit`) where some member's counter differs from their open sessions, in
 * one statement: a counter and its sessions change in the same transaction, so one snapshot never
 * shows a difference that is not drift.
 */
export async function findShopsWithCountDrift(db: Database, limit = 100): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ shopId: string }>>`
    SELECT DISTINCT m."shopId" FROM "Member" m
    LEFT JOIN (
      SELECT s."assigneeId", count(*)::int AS n FROM "ChatSession" s
      WHERE s."assigneeId" IS NOT NULL AND ${stateGuardSql("transfer", Prisma.sql`s.state`)}
      GROUP BY s."assigneeId"
    ) held ON held."assigneeId" = m.id
    WHERE m."openSessionCount" <> COALESCE(held.n, 0)
    LIMIT ${limit}`;
  return rows.map((row) => row.shopId);
}
