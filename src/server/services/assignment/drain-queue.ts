// ASSIGN-4: the Unassigned queue drains oldest first, at once, whenever capacity appears.
// Callers: a new session, a member connecting, the accept switch turned on, a session ended,
// transferred or expired, a capacity raised, and a slow safety sweep. Each batch runs in one
// transaction under the shop's assignment lock, re-reading every figure inside it (ASSIGN-7).
import { planDrain } from "@/core/assignment";
import type { Database } from "@/server/db/client";
import { applyAssignments, type AppliedAssignment, type AssignmentItem } from "@/server/services/assignment/apply-assignments";
import { toMessageDto } from "@/server/services/messaging/message-dto";
import { consoleAudience } from "@/server/realtime/rooms";
import { lockConversations, lockShopAssignments } from "@/server/services/assignment/assignment-lock";
import { loadCandidates } from "@/server/services/assignment/load-candidates";
import { fromQueue, sessionChangeEventsOf } from "@/server/services/assignment/session-events";
import { getRouting, type RoutingContext } from "@/server/services/assignment/routing-context";
import { Prisma } from "@/generated/prisma/client";
import { stateGuardSql } from "@/server/services/sessions/state-guards";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";

const BATCH_SIZE = 1_000;

export interface DrainResult {
  assigned: number;
  events: OutgoingEvent[];
  /** OPS-3: how long each assigned session had waited in the queue, in seconds. */
  queueWaitsSeconds: number[];
}

export async function drainQueue(
  db: Database,
  input: {
    shopId: string;
    routing?: RoutingContext;
    batchSize?: number;
    /**
     * Called with each batch's system notes the moment the batch commits, so that "Ava joined
     * the chat" goes out before any later message of the conversation (CHAT-3 order). Without
     * it the notes lead the returned events.
     */
    publishNotes?: (events: OutgoingEvent[]) => void;
  },
): Promise<DrainResult> {
  const routing = input.routing ?? getRouting();
  const batchSize = input.batchSize ?? BATCH_SIZE;
  let assigned = 0;
  const queueWaitsSeconds: number[] = [];
  const noteEvents: OutgoingEvent[] = [];
  const sessionEvents: OutgoingEvent[] = [];
  for (;;) {
    const now = routing.now();
    const onlineMemberIds = await routing.presence.onlineMemberIds(input.shopId, now);
    const batch = await db.$transaction(async (tx) => {
      await lockShopAssignments(tx, input.shopId);
      // A batch touches a thousand rows by id in tables of any size. With the default random
      // page cost the planner joins them by reading the whole table (a hash join over a seq
      // scan), so a batch would cost more as the shop's history grows; the rows are in memory
      // and looking each one up by its index is what keeps a batch's cost flat (issue 16).
      await tx.$executeRaw`SET LOCAL random_page_cost = 1.1`;
      // Oldest first, with each buyer, in one statement. AUTO-5: a session the chatbot holds
      // waits for its hand-over.
      const queued = await tx.$queryRaw<Array<{ id: string; conversationId: string; queuedAt: Date; buyerId: string }>>`
        SELECT s.id, s."conversationId", s."queuedAt", c."buyerId"
        FROM "ChatSession" s JOIN "Conversation" c ON c.id = s."conversationId"
        WHERE s."shopId" = ${input.shopId}::uuid AND ${stateGuardSql("assign", Prisma.sql`s."state"`)} AND s."botActive" = false
        ORDER BY s."queuedAt" ASC, s.id ASC
        LIMIT ${batchSize}`;
      if (queued.length === 0) return [];
      const shop = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { assignmentMode: true } });
      const candidates = await loadCandidates(tx, { shopId: input.shopId, onlineMemberIds, now });
      const plan = planDrain({ mode: shop.assignmentMode, queuedSessionIds: queued.map((session) => session.id), candidates });
      if (plan.length === 0) return [];
      const conversationOf = new Map(queued.map((session) => [session.id, session.conversationId]));
      await lockConversations(tx, plan.map((item) => conversationOf.get(item.sessionId)!));
      const holders = new Map((await tx.member.findMany({ where: { id: { in: [...new Set(plan.map((item) => item.memberId))] } }, select: { id: true, nickname: true, avatarUrl: true } })).map((m) => [m.id, m]));
      const items: AssignmentItem[] = plan.map((item) => ({
        sessionId: item.sessionId,
        conversationId: conversationOf.get(item.sessionId)!,
        fromMemberId: null,
        toMemberId: item.memberId,
        kind: item.detail.mode === "single_member" ? "single_member" : "auto",
        mode: item.detail.mode === "single_member" ? null : item.detail.mode,
        actorMemberId: null,
        detail: item.detail,
        note: { kind: "joined", to: holders.get(item.memberId)?.nickname ?? null },
        noteEvent: "assigned",
      }));
      const applied = await applyAssignments(tx, { shopId: input.shopId, now, items });
      const buyerOf = new Map(queued.map((session) => [session.id, session.buyerId]));
      const queuedAtOf = new Map(queued.map((session) => [session.id, session.queuedAt]));
      return applied.map((item) => {
        const holder = holders.get(item.toMemberId);
        const assignee = holder ? { nickname: holder.nickname, avatarUrl: holder.avatarUrl } : null;
        return { ...item, buyerId: buyerOf.get(item.sessionId)!, queuedAt: queuedAtOf.get(item.sessionId)!, session: { ...item.session, assignee } };
      });
    }, { timeout: 60_000, maxWait: 30_000 });
    if (batch.length === 0) break;
    assigned += batch.length;
    for (const item of batch) queueWaitsSeconds.push(Math.max(0, (now.getTime() - item.queuedAt.getTime()) / 1000));
    const notes = batch.flatMap((item) => assignmentNoteEvents(input.shopId, item));
    if (input.publishNotes) input.publishNotes(notes);
    else noteEvents.push(...notes);
    // From the batch's own writes: nothing to read again.
    sessionEvents.push(...sessionChangeEventsOf(batch.map((item) => ({ ...item.session, conversation: { buyerId: item.buyerId } })), {
      shopId: input.shopId,
      change: "assigned",
      alsoNotify: fromQueue(input.shopId),
      actorMemberId: null,
    }));
    if (batch.length < batchSize) break;
  }
  return { assigned, events: [...noteEvents, ...sessionEvents], queueWaitsSeconds };
}

/** The note's message.created for the new holder, the shop (it left Unassigned) and the buyer. */
function assignmentNoteEvents(shopId: string, item: AppliedAssignment & { buyerId: string }): OutgoingEvent[] {
  const message = toMessageDto(item.noteMessage);
  const audience = [...new Set([...consoleAudience({ shopId, state: "open", assigneeId: item.toMemberId }), ...fromQueue(shopId)()])];
  return [
    toConsole(audience, "message.created", { conversationId: item.conversationId, message }),
    toWidget(item.buyerId, "message.created", { conversationId: item.conversationId, message }),
  ];
}
