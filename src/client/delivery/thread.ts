// The merge rules of a conversation's thread (CHAT-3), one set for the widget and the console.
// Stored messages are keyed by their server sequence number: whatever order they arrive in
// (history page, live event, acknowledgement, sync after a reconnect), the thread holds each
// seq once, ascending. Stored messages never change on the server, so the copy already held
// wins: a repeat changes nothing, and React keeps the same objects (no needless re-render).
import type { MessageDto } from "@/shared/dto";

/** Union by seq, ascending; the copy already held wins. Returns `existing` itself when nothing is new. */
export function mergeMessages(existing: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return existing;
  const last = lastSeq(existing);
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  // The common live case appends after everything held.
  if (sorted[0]!.seq > last) {
    const appended = [...existing];
    for (const message of sorted) if (message.seq > (appended.at(-1)?.seq ?? 0)) appended.push(message);
    return appended;
  }
  const bySeq = new Map<number, MessageDto>();
  for (const message of sorted) if (!bySeq.has(message.seq)) bySeq.set(message.seq, message);
  for (const message of existing) bySeq.set(message.seq, message);
  if (bySeq.size === existing.length) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The highest seq held with no gap above the floor: what `conversation:sync` continues after.
 * A live message past a gap does not move it, so the gap is fetched and never skipped.
 */
export function contiguousSeq(messages: MessageDto[], floorSeq: number): number {
  let reached = floorSeq;
  for (const message of messages) {
    if (message.seq <= reached) continue;
    if (message.seq !== reached + 1) break;
    reached = message.seq;
  }
  return reached;
}

export function lastSeq(messages: MessageDto[]): number {
  return messages.at(-1)?.seq ?? 0;
}

export function firstSeq(messages: MessageDto[]): number | null {
  return messages[0]?.seq ?? null;
}

/** True when something above the floor is missing below the highest seq held: a sync is due. */
export function hasGap(messages: MessageDto[], floorSeq: number): boolean {
  return contiguousSeq(messages, floorSeq) < lastSeq(messages);
}

/** Messages from the shop (agents, bot, system) the buyer has not read yet: the widget's launcher badge. */
export function unreadFromShop(messages: MessageDto[], buyerReadSeq: number): number {
  return messages.filter((message) => message.seq > buyerReadSeq && message.authorType !== "buyer").length;
}
