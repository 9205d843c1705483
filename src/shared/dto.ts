// Shapes sent to browsers. Buyer-facing shapes carry nicknames and avatars, never emails (TEAM-6).

export type AuthorTypeDto = "buyer" | "agent" | "bot" | "system";
export type MessageKindDto = "text" | "image" | "video" | "product_card" | "order_card" | "voucher_card" | "system";
export type SessionStateDto = "queued" | "open" | "ended" | "expired";
export type SessionCategoryDto = "pre_purchase" | "logistics" | "after_sales";

export interface MessageAuthorDto {
  nickname: string;
  avatarUrl: string | null;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  sessionId: string | null;
  seq: number;
  clientId: string | null;
  authorType: AuthorTypeDto;
  /** The agent's public identity (nickname, avatar) for agent messages; null otherwise. */
  author: MessageAuthorDto | null;
  kind: MessageKindDto;
  body: string;
  payload: Record<string, unknown> | null;
  isAutomatic: boolean;
  createdAt: string;
}

/**
 * SET-3: a message's translation into one language (docs/translation.md). `status: "failed"`:
 * the engine could not translate it; the original stands, `failure` says why, and a member may
 * retry (`translation:retry`).
 */
export interface MessageTranslationDto {
  messageId: string;
  /** The message's sequence number, so a client places it without looking the message up. */
  seq: number;
  /** ISO 639-1: translated from, and into. */
  from: string;
  language: string;
  status: "done" | "failed";
  /** The translation; null when it failed. */
  text: string | null;
  engine: string;
  /** unavailable, unsupported_pair, bad_response, circuit_open or busy; null when done. */
  failure: string | null;
  createdAt: string;
}

/** SET-3: a chat's translation, as the chat menu shows it (docs/translation.md). */
export interface ChatTranslationDto {
  /** False while no engine is configured: the menu says translation is off. */
  available: boolean;
  /** The chat's choice: "shop" follows the shop's default. */
  override: "shop" | "off" | "auto" | "language";
  /** Whether messages of this chat are translated now (the override over the shop's default). */
  on: boolean;
  /** The buyer's language: chosen, detected, or null while unknown. */
  buyerLanguage: string | null;
}

export interface SessionDto {
  id: string;
  conversationId: string;
  state: SessionStateDto;
  category: SessionCategoryDto | null;
  assigneeId: string | null;
  assigneeNickname: string | null;
  starred: boolean;
  rating: number | null;
  /** CHAT-7: what the buyer wrote with the rating, if anything. */
  ratingComment: string | null;
  queuedAt: string;
  assignedAt: string | null;
  /**
   * When the people's reply clock started (src/core/sla slaClockStart): null while the chatbot
   * holds the chat, never before its hand-over (AUTO-5).
   */
  oldestUnansweredAt: string | null;
  lastBuyerMessageAt: string | null;
  closedAt: string | null;
  /** AUTO-5: the FAQ chatbot is answering this queued chat; a member may still take it. */
  withBot: boolean;
}

export interface BuyerDto {
  id: string;
  nickname: string;
  avatarUrl: string | null;
  isIdentified: boolean;
  externalId: string | null;
  isBlocked: boolean;
}
