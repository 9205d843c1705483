// Issue 11 item 5: keeps the analytics facts up to date in the transaction of the event that
// changes them (docs/analytics.md "How figures are stored"). Each call re-derives the touched
// rows from the raw tables with the derivation the rebuild checks (facts-sql.ts), so a fact is
// always what a rebuild would compute at that moment:
// - a session opens, is assigned, transferred, requeued, ended, expired or rated: its session fact;
// - an agent writes a reply (appendMessage): that session's fact, the buyer's reply spans and
//   the buyer's order attributions (a reply can take an order placed after it);
// - an order is created, updated or changes status: its order fact.
import { Prisma } from "@/generated/prisma/client";
import { CONVERSION_WINDOW_MS, isAgentReply, type MessageFacts } from "@/core/analytics";
import type { Tx } from "@/server/services/messaging/append-message";
import {
  ORDER_FACT_COLUMNS, orderFactsSelect, REPLY_SPAN_COLUMNS, replySpansSelect, SESSION_FACT_COLUMNS, sessionFactsSelect, upsertFrom,
} from "@/server/services/analytics/facts-sql";

type Executor = Pick<Tx, "$executeRaw">;

export async function refreshSessionFacts(tx: Executor, shopId: string, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await tx.$executeRaw(upsertFrom("AnalyticsSessionFact", SESSION_FACT_COLUMNS, ["sessionId"], sessionFactsSelect(shopId, sessionIds)));
}

export async function refreshOrderFacts(tx: Executor, shopId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.$executeRaw(upsertFrom("AnalyticsOrderFact", ORDER_FACT_COLUMNS, ["orderId"], orderFactsSelect(shopId, { orderIds })));
}

/** A buyer's reply spans and order attributions, after one of their replies changed. */
export async function refreshBuyerReplyFacts(tx: Executor, shopId: string, buyerIds: readonly string[]): Promise<void> {
  if (buyerIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM "AnalyticsReplySpan" WHERE "shopId" = ${shopId}::uuid AND "buyerId" = ANY(${[...buyerIds]}::uuid[])`;
  await tx.$executeRaw(Prisma.sql`INSERT INTO "AnalyticsReplySpan" (${Prisma.raw(REPLY_SPAN_COLUMNS.map((c) => `"${c}"`).join(", "))}) ${replySpansSelect(shopId, buyerIds)}`);
  await tx.$executeRaw(upsertFrom("AnalyticsOrderFact", ORDER_FACT_COLUMNS, ["orderId"], orderFactsSelect(shopId, { buyerIds })));
}

const DAY_MS = 86_400_000;

/**
 * Called for every appended message: only agent replies (author `agent`, not automatic) change
 * a fact. Bot answers, greetings, automatic and system messages change none. A reply at t can
 * only change the buyer's spans of t's UTC day (spans never cross one) and the attribution of
 * the buyer's orders placed after t and at most 7 days later, so only those are re-derived.
 */
export async function recordMessageFacts(
  tx: Executor,
  message: MessageFacts & { shopId: string; buyerId: string; sessionId: string | null; createdAt: Date },
): Promise<void> {
  if (!isAgentReply(message)) return;
  const { shopId, buyerId } = message;
  if (message.sessionId) await refreshSessionFacts(tx, shopId, [message.sessionId]);
  const from = new Date(Math.floor(message.createdAt.getTime() / DAY_MS) * DAY_MS);
  const to = new Date(from.getTime() + DAY_MS);
  await tx.$executeRaw`DELETE FROM "AnalyticsReplySpan" WHERE "shopId" = ${shopId}::uuid AND "buyerId" = ${buyerId}::uuid AND "firstAt" >= ${from} AND "firstAt" < ${to}`;
  await tx.$executeRaw(Prisma.sql`INSERT INTO "AnalyticsReplySpan" (${Prisma.raw(REPLY_SPAN_COLUMNS.map((c) => `"${c}"`).join(", "))}) ${replySpansSelect(shopId, [buyerId], { from, to })}`);
  const placedUntil = new Date(message.createdAt.getTime() + CONVERSION_WINDOW_MS);
  await tx.$executeRaw(upsertFrom("AnalyticsOrderFact", ORDER_FACT_COLUMNS, ["orderId"], orderFactsSelect(shopId, { buyerIds: [buyerId], placedAfter: message.createdAt, placedUntil })));
}
