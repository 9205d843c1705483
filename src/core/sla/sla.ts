import { AppError } from "../errors";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** CONSOLE-2: overdue once the oldest unanswered buyer message is older than this. */
export const OVERDUE_AFTER_MS = 24 * HOUR_MS;
/** CHAT-8: the session expires once the oldest unanswered buyer message is older than this. */
export const EXPIRE_AFTER_MS = 7 * 24 * HOUR_MS;
/** SET-6 default: "due soon" when less than 4 h is left of the 24 h. */
export const DEFAULT_DUE_SOON_THRESHOLD_MINUTES = 240;

export type SlaStatus = "overdue" | "due_soon" | "on_time" | "answered";

export interface SlaInput {
  /**
   * When the reply clock started: null when every buyer message has an agent reply after it, or
   * the bot holds the session (use slaClockStart for a session the chatbot may have held).
   */
  oldestUnansweredAt: Date | null;
  now: Date;
  dueSoonThresholdMinutes: number;
}

/** AUTO-5: what the people's reply clock needs to know about a session the chatbot may hold. */
export interface SlaClockSession {
  /** The stored column: the oldest buyer message no agent has answered (bot answers do not count). */
  oldestUnansweredAt: Date | null;
  /** The chatbot holds the session (ChatSession.botActive). */
  botActive: boolean;
  /** When the bot handed the session to people, or a member took it from the bot. */
  handedOverAt: Date | null;
}

/**
 * When the people's reply clock started (CONSOLE-2 overdue / due soon, CHAT-4 "Not replied",
 * the waiting time and its sort), or null when nothing waits for a person. Bot time never
 * counts (AUTO-5): while the bot holds the session no clock runs, and after the hand-over the
 * clock starts at the hand-over, not at the buyer's first question to the bot. The same rule
 * as the analytics' humanQueueAt; src/server/services/console-lists/scope.ts has it in SQL.
 */
export function slaClockStart(session: SlaClockSession): Date | null {
  if (session.botActive || session.oldestUnansweredAt === null) return null;
  if (session.handedOverAt !== null && session.handedOverAt.getTime() > session.oldestUnansweredAt.getTime()) return session.handedOverAt;
  return session.oldestUnansweredAt;
}

// "Older than" is strict everywhere (SPEC wording), at the millisecond resolution of Date:
// at exactly 24 h a message is not yet overdue; at 24 h + 1 ms it is.

function getDueSoonWindowMs(dueSoonThresholdMinutes: number): number {
  if (Number.isNaN(dueSoonThresholdMinutes)) {
    throw new AppError("INTERNAL", "dueSoonThresholdMinutes is not a number");
  }
  // Clamped rather than rejected: a threshold of 24 h or more simply means "due soon from the
  // first moment", 0 or less means "never due soon"; neither should break the console counts.
  const windowMs = Math.round(dueSoonThresholdMinutes * MINUTE_MS);
  return Math.min(Math.max(windowMs, 0), OVERDUE_AFTER_MS);
}

export function computeSlaStatus(input: SlaInput): SlaStatus {
  const windowMs = getDueSoonWindowMs(input.dueSoonThresholdMinutes);
  if (input.oldestUnansweredAt === null) return "answered";
  const ageMs = input.now.getTime() - input.oldestUnansweredAt.getTime();
  if (ageMs > OVERDUE_AFTER_MS) return "overdue";
  if (ageMs > OVERDUE_AFTER_MS - windowMs) return "due_soon";
  return "on_time";
}

/**
 * The first instant after `now` at which computeSlaStatus returns something else, so the server
 * can schedule the live count update exactly then. null when time alone will not change it
 * (answered, or already overdue; expiry is a separate event, see expiresAt).
 */
export function nextSlaChangeAt(input: SlaInput): Date | null {
  const windowMs = getDueSoonWindowMs(input.dueSoonThresholdMinutes);
  if (input.oldestUnansweredAt === null) return null;
  const since = input.oldestUnansweredAt.getTime();
  switch (computeSlaStatus(input)) {
    case "on_time":
      // The first millisecond inside the due-soon window; with an empty window that is the
      // first overdue millisecond, so one formula serves both.
      return new Date(since + OVERDUE_AFTER_MS - windowMs + 1);
    case "due_soon":
      return new Date(since + OVERDUE_AFTER_MS + 1);
    case "overdue":
    case "answered":
      return null;
  }
}

/**
 * The first instant at which the session is due to expire (CHAT-8: strictly older than 7 days,
 * hence the extra millisecond). The expiry job is scheduled for this instant and must re-check
 * isDueToExpire when it runs, since a reply may have moved the oldest unanswered message.
 */
export function expiresAt(oldestUnansweredAt: Date): Date {
  return new Date(oldestUnansweredAt.getTime() + EXPIRE_AFTER_MS + 1);
}

export function isDueToExpire(oldestUnansweredAt: Date | null, now: Date): boolean {
  if (oldestUnansweredAt === null) return false;
  return now.getTime() >= expiresAt(oldestUnansweredAt).getTime();
}
