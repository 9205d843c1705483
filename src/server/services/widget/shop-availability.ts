// WIDGET-4: the shop's availability as the widget shows it. Whether an agent is online (an active
// member with the console open who accepts new chats, src/core/widget), the buyer's place in the
// queue, the expected wait from recent queue waits, and the shop's offline message. Also the live
// announcement to every widget of the shop when it may have changed (`availability.changed`).
import { DEFAULT_OFFLINE_MESSAGE, EXPECTED_WAIT_SAMPLE_SIZE, EXPECTED_WAIT_WINDOW_MS, expectedWaitSeconds, isAgentOnline, type AvailabilityView } from "@/core/widget/availability";
import type { Database } from "@/server/db/client";
import { getRouting, type RoutingContext } from "@/server/services/assignment/routing-context";
import { publish, toWidgetShop } from "@/server/realtime/publish";

/** Whether an agent of the shop is online now. */
export async function loadIsAgentOnline(db: Database, shopId: string, routing: RoutingContext = getRouting()): Promise<boolean> {
  const onlineIds = await routing.presence.onlineMemberIds(shopId, routing.now());
  if (onlineIds.size === 0) return false;
  const members = await db.member.findMany({
    where: { shopId, id: { in: [...onlineIds] }, deletedAt: null },
    select: { status: true, acceptAutoAssign: true },
    take: 1_000,
  });
  return isAgentOnline(members.map((member) => ({ ...member, isOnline: true })));
}

/** 1 for the first in the shop's queue (the drain takes the oldest first, ASSIGN-4). */
async function queuePosition(db: Database, session: { id: string; shopId: string; queuedAt: Date }): Promise<number> {
  const ahead = await db.chatSession.count({
    where: {
      shopId: session.shopId,
      state: "queued",
      botActive: false,
      OR: [{ queuedAt: { lt: session.queuedAt } }, { queuedAt: session.queuedAt, id: { lt: session.id } }],
    },
  });
  return ahead + 1;
}

/** Queue waits (queued until assigned) of the shop's latest sessions assigned in the window, newest first. */
async function recentWaitsMs(db: Database, shopId: string, now: Date): Promise<number[]> {
  const sessions = await db.chatSession.findMany({
    where: { shopId, assignedAt: { gte: new Date(now.getTime() - EXPECTED_WAIT_WINDOW_MS), lte: now } },
    orderBy: { assignedAt: "desc" },
    take: EXPECTED_WAIT_SAMPLE_SIZE,
    select: { queuedAt: true, assignedAt: true },
  });
  return sessions.map((session) => session.assignedAt!.getTime() - session.queuedAt.getTime());
}

/** The availability a buyer's widget shows; position and wait only for a queued session while an agent is online. */
export async function loadWidgetAvailability(
  db: Database,
  input: { shopId: string; queuedSession: { id: string; queuedAt: Date } | null },
  routing: RoutingContext = getRouting(),
): Promise<AvailabilityView> {
  const [online, settings] = await Promise.all([
    loadIsAgentOnline(db, input.shopId, routing),
    db.shopSettings.findUnique({ where: { shopId: input.shopId }, select: { offlineMessage: true } }),
  ]);
  const offlineMessage = settings?.offlineMessage ?? DEFAULT_OFFLINE_MESSAGE;
  if (!online || !input.queuedSession) return { isAgentOnline: online, offlineMessage, queuePosition: null, expectedWaitSeconds: null };
  const [position, waits] = await Promise.all([
    queuePosition(db, { ...input.queuedSession, shopId: input.shopId }),
    recentWaitsMs(db, input.shopId, routing.now()),
  ]);
  return { isAgentOnline: true, offlineMessage, queuePosition: position, expectedWaitSeconds: expectedWaitSeconds(waits) };
}

/**
 * Tells every widget of the shop whether an agent is online now. Called when a member's console
 * connects, when its grace period after a disconnect is over, and after member changes (accepting
 * chats, deactivation, deletion, role). Every node announces what it reads from the shared
 * presence, so no node's stale memory decides; an unchanged state is harmless for the widget.
 */
export async function announceShopAvailability(db: Database, shopId: string, routing: RoutingContext = getRouting()): Promise<void> {
  const online = await loadIsAgentOnline(db, shopId, routing);
  publish([toWidgetShop(shopId, "availability.changed", { isAgentOnline: online })]);
}

/** announceShopAvailability that logs instead of throwing (a missed live update must not fail a change). */
export function announceShopAvailabilitySafely(db: Database, shopId: string, routing?: RoutingContext): void {
  announceShopAvailability(db, shopId, routing).catch((error) => console.error("WIDGET-4: availability announcement failed", error));
}
