// The console's chat lists (CONSOLE-1..5): names, filters and the shapes the list, counts and
// search routes return. Shared by the server and the browser, so: types and constants only.
import type { SessionCategory } from "../session/category";
import type { SlaStatus } from "../sla/sla";

/** CONSOLE-1. "all" is the All open list (queued and open chats of everyone). */
export const CONSOLE_LISTS = ["assigned", "unassigned", "all", "history"] as const;
export type ConsoleList = (typeof CONSOLE_LISTS)[number];
export type ActiveConsoleList = Exclude<ConsoleList, "history">;

/** CONSOLE-2. "closed" is the History list seen as a status: its count is the History total. */
export const STATUS_FILTERS = ["overdue", "due_soon", "unreplied", "unread", "starred", "closed"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** CONSOLE-3. */
export const CATEGORY_FILTERS = ["all", "pre_purchase", "logistics", "after_sales"] as const;
export type CategoryFilter = (typeof CATEGORY_FILTERS)[number];

/** CONSOLE-5, stored in Member.sortOrder. History is always most recently closed first. */
export const SORT_ORDERS = ["waiting_time", "latest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const DEFAULT_SORT_ORDER: SortOrder = "waiting_time";

export function isSortOrder(value: string): value is SortOrder {
  return (SORT_ORDERS as readonly string[]).includes(value);
}

export interface ChatListItemDto {
  conversationId: string;
  sessionId: string;
  state: "queued" | "open" | "ended" | "expired";
  buyer: { id: string; nickname: string; avatarUrl: string | null };
  /** Who holds the chat (the All open and History lists show it). */
  assignee: { id: string; nickname: string } | null;
  lastMessagePreview: string | null;
  lastMessageAt: string | null;
  lastBuyerMessageAt: string | null;
  /**
   * When the people's reply clock started (slaClockStart): the oldest buyer message without an
   * agent reply, but never before a hand-over from the chatbot; null while the bot holds the chat.
   */
  waitingSince: string | null;
  /** The "Not replied" tag (CHAT-4). */
  isNotReplied: boolean;
  /** AUTO-5: the FAQ chatbot holds this queued chat (the console shows a "Bot" badge). */
  withBot: boolean;
  /** The new-message dot: a buyer message after the member's read position (CHAT-4). */
  isUnread: boolean;
  category: SessionCategory | null;
  starred: boolean;
  /** CHAT-7: the buyer's rating of this session (History shows it), null while unrated. */
  rating: number | null;
  /** null for closed sessions, which have no reply clock any more. */
  slaStatus: SlaStatus | null;
  closedAt: string | null;
}

export interface ChatListPageDto {
  items: ChatListItemDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The order applied (the member's remembered one when the request named none). */
  sort: SortOrder;
}

/** Counts of one list, per status (CONSOLE-2). */
export interface ListStatusCounts {
  total: number;
  overdue: number;
  dueSoon: number;
  unreplied: number;
  unread: number;
  starred: number;
}

export interface StatusCountsDto {
  assigned: ListStatusCounts;
  unassigned: ListStatusCounts;
  /** null for members without chat access management (no All open list). */
  all: ListStatusCounts | null;
  /** Closed sessions the member may see (the History list and the "closed" status), up to 999. */
  closed: number;
  /** More closed sessions than `closed` says: show "999+". */
  closedIsCapped: boolean;
  /**
   * The first instant at which time alone changes a count (a chat becomes due soon or overdue);
   * the console refetches then. null when no visible chat is waiting.
   */
  nextChangeAt: string | null;
  /** The server's clock when counting, to correct for a skewed browser clock. */
  countedAt: string;
}

/** A piece of text, flagged when it is part of the search match. React renders each as text. */
export interface HighlightSegment {
  text: string;
  isMatch: boolean;
}

export type SearchMatchField = "message" | "nickname" | "order";

export interface SearchResultDto {
  conversationId: string;
  /** The session to open: the active one, else the latest the member may see. */
  sessionId: string | null;
  state: "queued" | "open" | "ended" | "expired" | null;
  buyer: { id: string; nickname: string; avatarUrl: string | null };
  matchedField: SearchMatchField;
  /** The buyer's nickname, highlighted when the nickname matched. */
  title: HighlightSegment[];
  /** The matching message excerpt, or the matching order id, highlighted. */
  snippet: HighlightSegment[];
  /** When the matching message was sent, or the conversation's last message otherwise. */
  at: string | null;
}

export interface SearchResultsDto {
  query: string;
  results: SearchResultDto[];
}
