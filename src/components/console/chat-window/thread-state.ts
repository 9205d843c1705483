// The chat window's message state (CHAT-3), kept pure so it can be tested without a browser.
// Stored messages are keyed by their server sequence number: whatever order they arrive in
// (history page, live event, acknowledgement, resync after a reconnect), the thread holds each
// sequence number once, in ascending order. Messages the agent is still sending live beside them
// as pending bubbles, keyed by their client id, until the stored copy with that client id arrives.
import type { MessageDto } from "@/shared/dto";
import type { TAgentMessageContent } from "@/shared/message-schemas";

export interface PendingMedia {
  kind: "image" | "video";
  /** A local object URL, so the bubble shows the file while it uploads. */
  previewUrl: string;
  fileName: string;
  file: File;
}

export interface PendingMessage {
  clientId: string;
  /** null while the attachment uploads (the upload id is not known yet). */
  content: TAgentMessageContent | null;
  media: PendingMedia | null;
  status: "uploading" | "sending" | "failed";
  /** 0..1 while uploading. */
  progress: number;
  error: string | null;
  createdAt: string;
}

export interface ThreadState {
  conversationId: string | null;
  /** Ascending by seq, one entry per seq. */
  messages: MessageDto[];
  pending: PendingMessage[];
  isLoaded: boolean;
  hasMoreBefore: boolean;
  /** Highest seq the buyer has read (CHAT-4): agent messages up to it show "Read". */
  buyerReadSeq: number;
}

export type ThreadAction =
  | { type: "reset"; conversationId: string | null }
  | { type: "loaded"; conversationId: string; messages: MessageDto[]; hasMoreBefore: boolean }
  | { type: "older_loaded"; conversationId: string; messages: MessageDto[]; hasMoreBefore: boolean }
  | { type: "received"; conversationId: string; messages: MessageDto[] }
  | { type: "buyer_read"; conversationId: string; seq: number }
  | { type: "pending_added"; conversationId: string; pending: PendingMessage }
  | { type: "pending_updated"; conversationId: string; clientId: string; patch: Partial<PendingMessage> }
  | { type: "pending_removed"; conversationId: string; clientId: string };

export function emptyThread(conversationId: string | null): ThreadState {
  return { conversationId, messages: [], pending: [], isLoaded: false, hasMoreBefore: false, buyerReadSeq: 0 };
}

/** Merges messages by seq: never a duplicate, always ascending. Existing entries win (stored messages never change). */
export function mergeMessages(existing: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return existing;
  const lastSeq = existing.at(-1)?.seq ?? 0;
  const sortedIncoming = [...incoming].sort((a, b) => a.seq - b.seq);
  // Fast path: the common live case appends after everything held.
  if (sortedIncoming[0]!.seq > lastSeq) {
    const appended = [...existing];
    for (const message of sortedIncoming) if (message.seq > (appended.at(-1)?.seq ?? 0)) appended.push(message);
    return appended.length === existing.length ? existing : appended;
  }
  const bySeq = new Map<number, MessageDto>();
  for (const message of sortedIncoming) bySeq.set(message.seq, message);
  for (const message of existing) bySeq.set(message.seq, message);
  if (bySeq.size === existing.length) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A pending bubble is done once the stored message with its client id is held. */
function settlePending(pending: PendingMessage[], messages: MessageDto[]): PendingMessage[] {
  if (pending.length === 0) return pending;
  const stored = new Set(messages.map((message) => message.clientId).filter((id): id is string => id !== null));
  const left = pending.filter((item) => !stored.has(item.clientId));
  return left.length === pending.length ? pending : left;
}

export function maxSeq(state: ThreadState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

export function minSeq(state: ThreadState): number | null {
  return state.messages[0]?.seq ?? null;
}

/** True when `incoming` skips sequence numbers after the highest one held: a resync is due. */
export function hasGapAfter(state: ThreadState, incoming: MessageDto[]): boolean {
  if (!state.isLoaded || state.messages.length === 0) return false;
  const held = maxSeq(state);
  const firstNew = Math.min(...incoming.map((message) => message.seq).filter((seq) => seq > held));
  return Number.isFinite(firstNew) && firstNew > held + 1;
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  if (action.type === "reset") return emptyThread(action.conversationId);
  // Anything for another conversation (a late answer after the agent switched chats) is dropped.
  if (action.conversationId !== state.conversationId) return state;
  switch (action.type) {
    case "loaded": {
      const messages = mergeMessages(state.messages, action.messages);
      return { ...state, messages, pending: settlePending(state.pending, messages), isLoaded: true, hasMoreBefore: action.hasMoreBefore };
    }
    case "older_loaded": {
      const messages = mergeMessages(state.messages, action.messages);
      return { ...state, messages, hasMoreBefore: action.hasMoreBefore };
    }
    case "received": {
      const messages = mergeMessages(state.messages, action.messages);
      const pending = settlePending(state.pending, messages);
      if (messages === state.messages && pending === state.pending) return state;
      return { ...state, messages, pending };
    }
    case "buyer_read":
      return action.seq > state.buyerReadSeq ? { ...state, buyerReadSeq: action.seq } : state;
    case "pending_added":
      if (state.pending.some((item) => item.clientId === action.pending.clientId)) return state;
      return { ...state, pending: [...state.pending, action.pending] };
    case "pending_updated":
      return { ...state, pending: state.pending.map((item) => (item.clientId === action.clientId ? { ...item, ...action.patch } : item)) };
    case "pending_removed":
      return { ...state, pending: state.pending.filter((item) => item.clientId !== action.clientId) };
  }
}
