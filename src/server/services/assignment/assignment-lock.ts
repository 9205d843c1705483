// ASSIGN-7: every change to who holds a session (auto-assignment, manual assignment, transfer,
// end, requeue, expiry) runs inside the shop's assignment lock: a transaction-scoped PostgreSQL
// advisory lock, so it holds across processes and nodes and is released by commit or rollback.
//
// Lock order, to rule out deadlocks: shop assignment lock → conversation rows (sorted by id) →
// session rows → member rows. The message path takes only conversation → session.
import type { Tx } from "@/server/services/messaging/append-message";

export async function lockShopAssignments(tx: Tx, shopId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assign:${shopId}`}, 0))`;
}

export async function lockConversations(tx: Tx, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await tx.$executeRaw`SELECT 1 FROM "Conversation" WHERE id = ANY(${conversationIds}::uuid[]) ORDER BY id FOR UPDATE`;
}

/**
 * Options for a transaction that takes the shop's assignment lock. Prisma's interactive timeout
 * runs from the start of the transaction, including the wait for the lock, and under a burst
 * (a drain holds the lock for a whole batch) the default 5 s is spent queueing. The work inside
 * is short; the allowance is for the queue.
 */
export const ASSIGNMENT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;
