// Every Socket.IO event of the product, typed once for server and browser (STYLE: commands
// `noun:verb`, domain events `noun.past_tense`). docs/realtime.md describes the protocol.
// Commands (client to server) are declared in `src/shared/commands.ts`; the server's events are here.
import type { AppErrorCode } from "@/core/errors";
import type { AckOf, ClientToServerEventsOf } from "@/shared/commands";
import type { MessageDto, MessageTranslationDto, SessionDto } from "@/shared/dto";
import type { SignOutReason } from "@/core/sign-out-reason";

/** The acknowledgement every command answers with (`CommandAck` narrows it per command). */
export type Ack<T> = AckOf<T, AppErrorCode>;

export type AckCallback<T> = (reply: Ack<T>) => void;

export interface ConsoleHello {
  memberId: string;
  shopId: string;
  nickname: string;
  role: "owner" | "admin" | "agent";
  /** TEAM-5: the member's role has chat access management (the All open list). */
  canSeeAllChats: boolean;
  serverTime: string;
}

// ─── Domain events: published by services, delivered to rooms ────────────────

export interface MessageCreatedEvent {
  conversationId: string;
  message: MessageDto;
}

/**
 * SET-3: a message's translation arrived or failed, after its message.created (the message itself
 * never changes). Sent to the rooms that heard the message; to the widget only for messages sent
 * to the buyer (agents', the bot's).
 */
export interface MessageTranslatedEvent {
  conversationId: string;
  translation: MessageTranslationDto;
}

export interface SessionChangedEvent {
  session: SessionDto;
  /** Why it changed, for notifications and live counts. */
  change: "created" | "assigned" | "transferred" | "requeued" | "ended" | "expired" | "starred" | "categorized" | "rated" | "replied" | "buyer_wrote" | "handed_over";
  /**
   * On "assigned" and "transferred": the member who moved the chat, or null when routing did
   * (SET-2: nobody is notified of a chat they took themselves). Absent on other changes.
   */
  actorMemberId?: string | null;
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
  "message.translated": (event: MessageTranslatedEvent) => void;
  "session.changed": (event: SessionChangedEvent) => void;
  "conversation.read": (event: ReadChangedEvent) => void;
  "typing.changed": (event: TypingEvent) => void;
  "member.changed": (event: MemberChangedEvent) => void;
  /** The member lost access (deactivated, deleted): the console stops and signs out. */
  "access.revoked": (reason: AccessRevokedEvent) => void;
  /** TEAM-5: the member's role or chat access changed; the lists follow at once. */
  "access.changed": (event: AccessChangedEvent) => void;
}

/** TEAM-5: what the member may now see (sent to the member's consoles before they reconnect). */
export interface AccessChangedEvent {
  role: "owner" | "admin" | "agent";
  canSeeAllChats: boolean;
}

export interface AccessRevokedEvent {
  message: string;
  /** TEAM-3: the code the sign-in page explains (src/core/sign-out-reason.ts). */
  reason: SignOutReason;
}

export interface WidgetHello {
  buyerId: string;
  conversationId: string | null;
  serverTime: string;
}

export interface BuyerBlockedEvent {
  message: string;
}

/** SET-4: the shop unblocked this buyer; their widgets let them write again. */
export type BuyerUnblockedEvent = Record<string, never>;

export interface WidgetSessionChangedEvent {
  session: WidgetSessionDto;
}

/** WIDGET-4: whether an agent of the shop is online now (sent to every widget of the shop). */
export interface AvailabilityChangedEvent {
  isAgentOnline: boolean;
}

export type ConsoleClientToServerEvents = ClientToServerEventsOf<"console">;

/** Buyer widget namespace: `/widget`. */
export interface WidgetServerToClientEvents {
  "widget.ready": (hello: WidgetHello) => void;
  "message.created": (event: MessageCreatedEvent) => void;
  "message.translated": (event: MessageTranslatedEvent) => void;
  "session.changed": (event: WidgetSessionChangedEvent) => void;
  "conversation.read": (event: ReadChangedEvent) => void;
  "typing.changed": (event: TypingEvent) => void;
  "buyer.blocked": (event: BuyerBlockedEvent) => void;
  "buyer.unblocked": (event: BuyerUnblockedEvent) => void;
  "availability.changed": (event: AvailabilityChangedEvent) => void;
}

export type WidgetClientToServerEvents = ClientToServerEventsOf<"widget">;

/** What a buyer may know about a session: state, the agent's public identity, the rating. */
export interface WidgetSessionDto {
  id: string;
  state: "queued" | "open" | "ended" | "expired";
  agent: { nickname: string; avatarUrl: string | null } | null;
  rating: number | null;
  /** AUTO-5: the chatbot answers this chat; the widget offers "Talk to a person". */
  withBot: boolean;
}

export const CONSOLE_NAMESPACE = "/console";
export const WIDGET_NAMESPACE = "/widget";

/** The payload of server event `E` in a namespace's event map. */
export type EventPayload<TEvents, E extends keyof TEvents> = TEvents[E] extends (payload: infer P) => void ? P : never;
export type ConsoleEventName = keyof ConsoleServerToClientEvents & string;
export type WidgetEventName = keyof WidgetServerToClientEvents & string;
