// ASSIGN-2 presence across nodes (NF-2): which members count as online, and when a console that
// vanished with its node gives back the chats it may never have shown. Pure: entries, node
// heartbeats and `now` in, decisions out. The stores (src/server/services/presence) keep the data.
//
// Two ways for a console to stop, kept apart on purpose:
// - Closed: the node saw the socket close (a reload, a closed tab, a network drop the node noticed).
//   The entry keeps counting for the grace period (PRESENCE_GRACE_SECONDS), because a reload must
//   not be "leaving": the member stays eligible and keeps their chats.
// - Lost: the node itself stopped (kill -9, a crash, a host gone). Nobody saw the socket close, so
//   the entry says "live" until someone notices that its node stopped heartbeating. From the moment
//   the node is dead (NODE_DEAD_AFTER_MS without a heartbeat) the member is offline for new
//   auto-assignments: a browser that is really there reconnects to another node within seconds and
//   is online again, while one that is not would otherwise collect chats nobody sees. The member
//   keeps their chats through the grace period; when it ends without them back, the sessions
//   auto-assigned to them after the node's last heartbeat (which that console may never have shown)
//   go back to the queue.

/** How often each node renews its heartbeat. */
export const NODE_HEARTBEAT_INTERVAL_MS = 2_000;
/** A node whose last heartbeat is older than this is dead: four missed beats. */
export const NODE_DEAD_AFTER_MS = 8_000;

export interface PresenceEntry {
  memberId: string;
  /** The node holding the connection; null for entries written before node heartbeats. */
  nodeId: string | null;
  /** live: the socket is open on its node; closed: it closed, and counts until `expiresAt`. */
  state: "live" | "closed";
  /** Epoch ms: a closed entry's end of grace; a live entry's backstop (renewed by its node). */
  expiresAt: number;
}

export interface NodeLiveness {
  /** Last heartbeat of each node, epoch ms. A node missing here is gone. */
  lastBeats: ReadonlyMap<string, number>;
  deadAfterMs: number;
}

export function isNodeAlive(nodeId: string, liveness: NodeLiveness, now: number): boolean {
  const lastBeat = liveness.lastBeats.get(nodeId);
  return lastBeat !== undefined && now - lastBeat <= liveness.deadAfterMs;
}

/** Whether one connection entry makes its member online at `now`. */
export function entryCountsOnline(entry: PresenceEntry, liveness: NodeLiveness, now: number): boolean {
  if (entry.expiresAt <= now) return false;
  if (entry.state === "closed" || entry.nodeId === null) return true;
  return isNodeAlive(entry.nodeId, liveness, now);
}

export function onlineMemberIds(entries: Iterable<PresenceEntry>, liveness: NodeLiveness, now: number): Set<string> {
  const online = new Set<string>();
  for (const entry of entries) if (entryCountsOnline(entry, liveness, now)) online.add(entry.memberId);
  return online;
}

/** When a dead node's consoles are given up: the grace period from its last heartbeat, never before it is seen dead. */
export function lostConsoleDeadline(lastBeatAt: number, timing: { graceMs: number; deadAfterMs: number }): number {
  return lastBeatAt + Math.max(timing.graceMs, timing.deadAfterMs);
}

export interface LostNode {
  nodeId: string;
  lastBeatAt: number;
}

/** The nodes whose consoles are given up at `now`: dead, and past their deadline. */
export function nodesToGiveUp(liveness: NodeLiveness, now: number, graceMs: number): LostNode[] {
  const lost: LostNode[] = [];
  for (const [nodeId, lastBeatAt] of liveness.lastBeats) {
    const isPastDeadline = now >= lostConsoleDeadline(lastBeatAt, { graceMs, deadAfterMs: liveness.deadAfterMs });
    // At exactly NODE_DEAD_AFTER_MS a node still counts as alive: never give up a live node.
    if (isPastDeadline && !isNodeAlive(nodeId, liveness, now)) lost.push({ nodeId, lastBeatAt });
  }
  return lost.sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
}

/**
 * The members whose chats go back to the queue when a node is given up: they had a live console
 * on it and are not online now (no console on a live node, no closed one in its grace period).
 */
export function membersToRequeue(lostNodeEntries: Iterable<PresenceEntry>, onlineNow: ReadonlySet<string>): string[] {
  const members = new Set<string>();
  for (const entry of lostNodeEntries) if (entry.state === "live" && !onlineNow.has(entry.memberId)) members.add(entry.memberId);
  return [...members].sort();
}

/** Of a member's sessions, those to requeue: auto-assigned to them after the node's last heartbeat. */
export function sessionsToRequeue<T extends { autoAssignedAt: Date | null }>(sessions: T[], lastBeatAt: number): T[] {
  return sessions.filter((session) => session.autoAssignedAt !== null && session.autoAssignedAt.getTime() > lastBeatAt);
}
