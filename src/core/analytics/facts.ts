// The plain facts every analytics figure is computed from (ANALYTICS-1..4). The server derives
// them from sessions, messages and orders; this module never reads storage. Each rule that
// decides what a fact holds is written here once, with the reason, and docs/analytics.md
// repeats it for sellers.

/** Who opened a session. Only buyer-opened sessions count in response and conversion figures. */
export type SessionOrigin = "buyer" | "proactive" | "agent";

/** Authors and flags of a message, as far as analytics cares. */
export interface MessageFacts {
  authorType: "buyer" | "agent" | "bot" | "system";
  /** Greeting, automatic recommendation or proactive message: sent by the product, not a person. */
  isAutomatic: boolean;
}

/**
 * An agent reply is a message a person of the shop wrote: author `agent` and not automatic.
 * Bot answers, greetings, auto-sent recommendations, proactive messages and system notes are
 * not replies (chatwoot #13312 and #8477 count bot messages as first responses).
 */
export function isAgentReply(message: MessageFacts): boolean {
  return message.authorType === "agent" && !message.isAutomatic;
}

/** One reception episode (a reopened conversation is a new session, so a new fact). */
export interface SessionFact {
  /** For tracing and tests: no figure reads the session's or the buyer's id. */
  sessionId?: string;
  buyerId?: string;
  origin: SessionOrigin;
  /** When the buyer's first message opened the session. */
  openedAtMs: number;
  /**
   * When the session reached people: the opening for a session without the bot, the hand-over
   * for one the bot answered first. Response times run from here, so bot time is excluded.
   * Null when the bot settled it and no person was ever asked: such a session is in no
   * response figure.
   */
  humanQueueAtMs: number | null;
  /** The first time a member held it (auto, manual or transfer), or null if never. */
  firstAssignedAtMs: number | null;
  /** The first agent reply (isAgentReply) and who wrote it; null while unreplied. */
  firstReply: { atMs: number; memberId: string } | null;
  /** The member who holds it now, or held it when it closed. */
  lastHolderId: string | null;
  closure: { kind: "ended"; atMs: number; byMemberId: string | null } | { kind: "expired"; atMs: number } | null;
  /** 1 very dissatisfied .. 5 very satisfied; only ended sessions can be rated. */
  rating: { score: number; atMs: number } | null;
}

/** One agent reply to a buyer, for conversion (a buyer may be replied to many times). */
export interface ReplyFact {
  buyerId: string;
  memberId: string;
  atMs: number;
}

/** Order states that do not count as a sale: a cancelled or returned order earns nothing. */
export const NON_REVENUE_ORDER_STATUSES = ["cancelled", "returned"] as const;

export interface OrderFact {
  orderId: string;
  buyerId: string;
  placedAtMs: number;
  /** The amount in minor units (cents) of `currency`. */
  totalMinor: number;
  currency: string;
  status: string;
}

/**
 * An order already attributed to its reply (the latest agent reply to its buyer strictly before
 * it, at most 7 days earlier), as the stored facts keep it; the same rule as attributingReply in
 * figures.ts applies when the replies and orders are given instead.
 */
export interface AttributedOrderFact extends OrderFact {
  reply: { memberId: string; atMs: number };
}

/** The owner of a session for per-agent tables: every session is credited to exactly one row. */
export function sessionOwner(session: SessionFact): string | null {
  return session.firstReply?.memberId ?? session.lastHolderId;
}

export const RESPONSE_WINDOW_MS = 24 * 3_600_000;
export const CONVERSION_WINDOW_MS = 7 * 24 * 3_600_000;
/** Ratings 4 (satisfied) and 5 (very satisfied) count as satisfied. */
export const SATISFIED_MIN_SCORE = 4;
