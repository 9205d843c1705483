// The delivery state machine's vocabulary (CHAT-3): what it holds, the events it takes and the
// effects it asks its runtime to perform. Plain data only, so the machine is pure and tests
// drive it with a fake clock and scripted server answers.
import type { AppErrorCode } from "@/core/errors";
import type { ClientErrorCode } from "@/shared/commands";
import type { MessageDto } from "@/shared/dto";
import type { TAgentMessageContent } from "@/shared/message-schemas";

/** Every kind a client may send; the buyer's kinds are a subset (the server checks which). */
export type MessageContent = TAgentMessageContent;

/** What the page showed when the buyer wrote (widget `message:send` `context`). */
export interface SendContext {
  productId?: string;
  orderId?: string;
}

/** What a not-yet-stored message looks like on screen. */
export type PendingPreview =
  | { kind: "text"; body: string }
  | { kind: "image" | "video"; fileName: string; objectUrl: string | null }
  | { kind: "product_card" | "order_card" | "voucher_card"; label: string };

export interface PendingMessage {
  clientId: string;
  /** What `message:send` carries; null while the file is still uploading. */
  content: MessageContent | null;
  preview: PendingPreview;
  status: "uploading" | "sending" | "failed";
  /** Upload progress, 0..1. */
  progress: number;
  /** Why it failed, in the server's words. */
  error: string | null;
  /** False when sending the same thing again cannot succeed (refused input, blocked buyer, refused file). */
  canRetry: boolean;
  createdAt: string;
  context: SendContext | null;
  /** Not stored yet for want of a connection or an answer: sent again by itself (same client id). */
  willResend: boolean;
  /** The workbench's cards report their failure beside their button: no failed bubble stays. */
  dropOnFailure: boolean;
}

/** The three reads and the one write of delivery. Inputs omit the conversation: the transport adds its scope. */
export type DeliveryCommand =
  | { name: "conversation:history"; input: { beforeSeq?: number; limit: number } }
  | { name: "conversation:sync"; input: { afterSeq: number; limit: number } }
  | { name: "message:send"; input: { clientId: string; content: MessageContent; context?: SendContext } };

/** An acknowledgement as the transport hands it over; TIMEOUT and OFFLINE come from the client side itself. */
export type DeliveryAck =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: AppErrorCode | ClientErrorCode; message: string } };

export interface Page {
  messages: MessageDto[];
  hasMore: boolean;
}

export type Purpose = "history" | "sync" | "older" | "send";

export interface InFlight {
  id: number;
  purpose: Purpose;
  clientId?: string;
}

export interface DeliveryState {
  isOnline: boolean;
  messages: MessageDto[];
  pending: PendingMessage[];
  /** Set by the first history page: everything after it arrives live or by sync. */
  isLoaded: boolean;
  hasMoreBefore: boolean;
  /** The thread is whole above this seq (just before the oldest page loaded); 0 once the beginning is held. */
  floorSeq: number;
  isLoadingOlder: boolean;
  loadError: string | null;
  /** Requests whose answers are still awaited; an answer to anything else is stale and ignored. */
  inFlight: InFlight[];
  /** A gap or a reconnect asked for a sync while one ran: another round follows. */
  isSyncDue: boolean;
  /** Consecutive failures, for the back-off of resends and resumes. */
  failures: number;
  /** No `message:send` before this time (the server said RATE_LIMITED). */
  rateLimitedUntil: number;
  nextRequestId: number;
}

export type TimerKey = "resend" | "resume" | "rate_limit" | `stall:${string}`;

export type DeliveryEvent =
  | { type: "connected" }
  | { type: "disconnected" }
  | { type: "live"; messages: MessageDto[] }
  | { type: "reply"; requestId: number; ack: DeliveryAck }
  | { type: "timer"; key: TimerKey }
  | { type: "send"; clientId: string; content: MessageContent; preview: PendingPreview; context?: SendContext; dropOnFailure?: boolean }
  | { type: "upload_started"; clientId: string; preview: PendingPreview }
  | { type: "upload_progress"; clientId: string; progress: number }
  | { type: "upload_done"; clientId: string; content: MessageContent; preview: PendingPreview }
  | { type: "upload_failed"; clientId: string; message: string; canRetry: boolean; code?: string }
  | { type: "retry"; clientId: string }
  | { type: "discard"; clientId: string }
  | { type: "load_older" };

export type DeliveryEffect =
  | { type: "command"; requestId: number; command: DeliveryCommand }
  | { type: "set_timer"; key: TimerKey; ms: number }
  | { type: "clear_timer"; key: TimerKey }
  /** Re-run the upload of this pending attachment (the runtime holds the file). */
  | { type: "upload"; clientId: string }
  | { type: "abort_upload"; clientId: string }
  /** A send finished: stored (`message`) or given up (`error`). */
  | { type: "settled"; clientId: string; message: MessageDto | null; error: string | null }
  /** Something the user must be told: a rate limit, or a refusal for good (a blocked buyer). */
  | { type: "notice"; code: "RATE_LIMITED" | "FORBIDDEN"; message: string };

export interface DeliveryConfig {
  historyPage: number;
  olderPage: number;
  syncPage: number;
  /** After this long without an acknowledgement a pending message shows as failed (and is still resent). */
  stallMs: number;
  retryDelaysMs: readonly number[];
  /** When RATE_LIMITED does not say how long to wait. */
  rateLimitFallbackMs: number;
}

export const DEFAULT_CONFIG: DeliveryConfig = {
  historyPage: 30,
  olderPage: 30,
  syncPage: 200,
  stallMs: 10_000,
  retryDelaysMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  rateLimitFallbackMs: 5_000,
};

export const INITIAL_DELIVERY_STATE: DeliveryState = {
  isOnline: false,
  messages: [],
  pending: [],
  isLoaded: false,
  hasMoreBefore: false,
  floorSeq: 0,
  isLoadingOlder: false,
  loadError: null,
  inFlight: [],
  isSyncDue: false,
  failures: 0,
  rateLimitedUntil: 0,
  nextRequestId: 1,
};
