// ASSIGN-2, NF-2: a node that died took its consoles with it. Once its grace period is over
// (src/core/presence `nodesToGiveUp`), every member who had a live console there and is not back
// on another node gets the sessions auto-assigned to them after the node's last heartbeat put back
// in the queue, and the queue drains to whoever is online. Any node may do it; doing it twice
// changes nothing (the second finds no such session), and the node is forgotten only afterwards,
// so a node that dies mid-way leaves the work to the next heartbeat of another.
import { membersToRequeue, sessionsToRequeue } from "@/core/presence";
import type { Database } from "@/server/db/client";
import { publish } from "@/server/realtime/publish";
import { lockShopAssignments, ASSIGNMENT_TRANSACTION_OPTIONS } from "@/server/services/assignment/assignment-lock";
import { requeueMemberSessionsInTransaction } from "@/server/services/assignment/requeue-member-sessions";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import type { LostNodeEntries } from "@/server/services/presence/presence-store";
import { requestDrain } from "@/server/services/assignment/settle";
import { stateWhere } from "@/server/services/sessions/state-guards";

export interface LostConsolesResult {
  nodes: number;
  requeued: number;
}

export async function requeueLostConsoles(db: Database, routing: RoutingContext): Promise<LostConsolesResult> {
  const now = routing.now();
  let requeued = 0;
  const lostNodes = (await routing.presence.lostNodes?.(now)) ?? [];
  for (const node of lostNodes) {
    try {
      requeued += await requeueLostNode(db, routing, node, now);
    } catch (error) {
      // Kept for the next heartbeat (of this node or another): nothing is forgotten before it is done.
      console.error(`Requeueing the chats of lost node ${node.nodeId} failed; the next heartbeat retries`, error);
    }
  }
  return { nodes: lostNodes.length, requeued };
}

async function requeueLostNode(db: Database, routing: RoutingContext, node: LostNodeEntries, now: Date): Promise<number> {
  let requeued = 0;
  {
    const shops = new Map<string, typeof node.entries>();
    for (const entry of node.entries) shops.set(entry.shopId, [...(shops.get(entry.shopId) ?? []), entry]);
    for (const [shopId, entries] of shops) {
      const members = membersToRequeue(entries, await routing.presence.onlineMemberIds(shopId, now));
      if (members.length === 0) continue;
      const events = await db.$transaction(async (tx) => {
        await lockShopAssignments(tx, shopId);
        const all = [];
        for (const memberId of members) {
          const sessions = await tx.chatSession.findMany({
            where: { shopId, assigneeId: memberId, state: stateWhere("requeue"), assignedAt: { gt: new Date(node.lastBeatAt) } },
            select: { id: true, assignedAt: true },
          });
          if (sessions.length === 0) continue;
          const auto = new Set((await tx.assignment.findMany({
            where: { sessionId: { in: sessions.map((s) => s.id) }, toMemberId: memberId, kind: "auto", createdAt: { gt: new Date(node.lastBeatAt) } },
            select: { sessionId: true },
          })).map((row) => row.sessionId));
          const lost = sessionsToRequeue(sessions.map((s) => ({ id: s.id, autoAssignedAt: auto.has(s.id) ? s.assignedAt : null })), node.lastBeatAt);
          if (lost.length === 0) continue;
          requeued += lost.length;
          all.push(...await requeueMemberSessionsInTransaction(tx, { shopId, memberId, actorMemberId: null, now, sessionIds: lost.map((s) => s.id), reason: "console_lost" }));
        }
        return all;
      }, ASSIGNMENT_TRANSACTION_OPTIONS);
      publish(events);
      if (events.length > 0) void requestDrain(db, shopId, routing);
    }
    await routing.presence.forgetNode?.(node.nodeId);
  }
  return requeued;
}
