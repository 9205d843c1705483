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
