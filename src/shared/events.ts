// Every Socket.IO event of the product, typed once for server and browser (STYLE: commands
// `noun:verb`, domain events `noun.past_tense`). docs/realtime.md describes the protocol.
import type { AppErrorCode, FieldErrors } from "@/core/errors";
import type { MessageDto, SessionDto } from "@/shared/dto";

/** The acknowledgement every command answers with. */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; fieldErrors?: FieldErrors } };

export type AckCallback<T> = (reply: Ack<T>) => void;

export interface ConsoleHello {
  memberId: string;
  shopId: string;
  nickname: string;
  role: "owner" | "admin" | "agent";
  serverTime: string;
}

// ─── Domain events: published by services, delivered to rooms ────────────────

export interface MessageCreatedEvent {
  conversationId: string;
  message: MessageDto;
}

export interface SessionChangedEvent {
  session: SessionDto;
  /** Why it changed, for notifications and live counts. */
  change: "created" | "assigned" | "transferred" | "requeued" | "ended" | "expired" | "starred" | "categorized" | "rated" | "replied" | "buyer_wrote";
}

export interface ReadChangedEvent {
  conversationId: string;
  reader: "buyer" | "shop";
  seq: number;
}

export interface TypingEvent {
  conversationId: string;
  who: "buyer" | "agent";
  nickname: string | null;
  isTyping: boolean;
}

export interface MemberChangedEvent {
  memberId: string;
  change: "updated" | "presence" | "deactivated" | "activated" | "deleted" | "role_changed" | "invited";
}

/** Agent console namespace: `/console`. */
export interface ConsoleServerToClientEvents {
  "console.ready": (hello: ConsoleHello) => void;
  "message.created": (event: MessageCreatedEvent) => void;
  "session.changed": (event: SessionChangedEvent) => void;
  "conversation.read": (event: ReadChangedEvent) => void;
  "typing.changed": (event: TypingEvent) => void;
  "member.changed": (event: MemberChangedEvent) => void;
  /** The member lost access (deactivated, deleted): the console stops and signs out. */
  "access.revoked": (reason: { message: string }) => void;
}

export interface ConsoleClientToServerEvents {
  "presence:ping": (ack: AckCallback<{ serverTime: string }>) => void;
  [command: string]: (...args: never[]) => void;
}

/** Buyer widget namespace: `/widget`. */
export interface WidgetServerToClientEvents {
  "widget.ready": (hello: { buyerId: string; conversationId: string | null; serverTime: string }) => void;
  "message.created": (event: MessageCreatedEvent) => void;
  "session.changed": (event: { session: WidgetSessionDto }) => void;
  "conversation.read": (event: ReadChangedEvent) => void;
  "typing.changed": (event: TypingEvent) => void;
  "buyer.blocked": (event: { message: string }) => void;
}

export interface WidgetClientToServerEvents {
  [command: string]: (...args: never[]) => void;
}

/** What a buyer may know about a session: state, the agent's public identity, the rating. */
export interface WidgetSessionDto {
  id: string;
  state: "queued" | "open" | "ended" | "expired";
  agent: { nickname: string; avatarUrl: string | null } | null;
  rating: number | null;
}

export const CONSOLE_NAMESPACE = "/console";
export const WIDGET_NAMESPACE = "/widget";
