// The widget's view of the conversation (CHAT-3): stored messages kept unique and ordered by
// sequence number, plus the buyer's own messages that are not acknowledged yet (pending
// bubbles). Everything that arrives — history pages, live events, sync answers, acks — goes
// through mergeMessages, so a message seen twice is shown once and nothing depends on the order
// in which the answers came back. Pure, so the rules are unit-tested.
import type { MessageDto } from "@/shared/dto";
import type { TBuyerMessageContent } from "@/shared/message-schemas";

export type PendingPreview =
  | { kind: "text"; body: string }
  | { kind: "image" | "video"; fileName: string; objectUrl: string | null }
  | { kind: "product_card" | "order_card"; label: string };

export interface PendingMessage {
  clientId: string;
  /** What message:send carries; null while the file is still uploading. */
  content: TBuyerMessageContent | null;
  preview: PendingPreview;
  status: "uploading" | "sending" | "failed";
  /** Upload progress, 0..1. */
  progress: number;
  /** Why it failed, in the server's words. */
  error: string | null;
  /** A failed upload cannot be retried with the same bytes without a new pick; a failed send can. */
  canRetry: boolean;
}

export interface ThreadState {
  messages: MessageDto[];
  pending: PendingMessage[];
  /** Set by the first history page: everything after it arrives live or by sync. */
  isLoaded: boolean;
  hasMoreBefore: boolean;
  /**
   * The sequence number below which the thread is complete as far as resuming is concerned:
   * 0 when the first page reached the beginning, else just before the first page.
   */
  floorSeq: number;
}

export const EMPTY_THREAD: ThreadState = { messages: [], pending: [], isLoaded: false, hasMoreBefore: false, floorSeq: 0 };

/** Union by sequence number, ascending; a later copy of the same seq replaces the earlier. */
export function mergeMessages(current: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map<number, MessageDto>();
  for (const message of current) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The highest sequence number held with no gap above the floor: what `conversation:sync` asks
 * to continue after. A live message past a gap does not move it, so the gap is fetched.
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

function withoutAcknowledged(pending: PendingMessage[], messages: MessageDto[]): PendingMessage[] {
  if (pending.length === 0) return pending;
  const stored = new Set(messages.map((message) => message.clientId).filter((id): id is string => id !== null));
  const remaining = pending.filter((item) => !stored.has(item.clientId));
  return remaining.length === pending.length ? pending : remaining;
}

export type ThreadAction =
  | { type: "history_loaded"; messages: MessageDto[]; hasMore: boolean }
  | { type: "older_loaded"; messages: MessageDto[]; hasMore: boolean }
  | { type: "received"; messages: MessageDto[] }
  | { type: "pending_added"; pending: PendingMessage }
  | { type: "pending_updated"; clientId: string; patch: Partial<PendingMessage> }
  | { type: "pending_removed"; clientId: string }
  | { type: "reset" };

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case "history_loaded": {
      const messages = mergeMessages(state.messages, action.messages);
      const first = action.messages[0];
      return {
        ...state,
        messages,
        pending: withoutAcknowledged(state.pending, messages),
        isLoaded: true,
        hasMoreBefore: action.hasMore,
        floorSeq: action.hasMore && first ? first.seq - 1 : 0,
      };
    }
    case "older_loaded": {
      const messages = mergeMessages(state.messages, action.messages);
      return { ...state, messages, hasMoreBefore: action.hasMore };
    }
    case "received": {
      const messages = mergeMessages(state.messages, action.messages);
      return { ...state, messages, pending: withoutAcknowledged(state.pending, messages) };
    }
    case "pending_added":
      return { ...state, pending: [...state.pending, action.pending] };
    case "pending_updated":
      return { ...state, pending: state.pending.map((item) => (item.clientId === action.clientId ? { ...item, ...action.patch } : item)) };
    case "pending_removed":
      return { ...state, pending: state.pending.filter((item) => item.clientId !== action.clientId) };
    case "reset":
      return EMPTY_THREAD;
  }
}

/** Messages from the shop (agents, bot, system) the buyer has not read yet: the launcher badge. */
export function unreadFromShop(messages: MessageDto[], buyerReadSeq: number): number {
  return messages.filter((message) => message.seq > buyerReadSeq && message.authorType !== "buyer").length;
}
