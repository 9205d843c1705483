// CONSOLE-2 as instants instead of ages, so that a database can count overdue and due-soon
// chats with plain comparisons on an indexed column: for a given `now`, a chat is overdue when
// its oldest unanswered buyer message is before `overdueBefore`, and due soon when it is at or
// after `overdueBefore` but before `dueSoonBefore`. sla-buckets.test.ts proves this agrees with
// computeSlaStatus for every age and threshold.
import { OVERDUE_AFTER_MS } from "../sla/sla";

const MINUTE_MS = 60_000;

export interface SlaBoundaries {
  /** oldestUnansweredAt < overdueBefore ⇔ overdue. */
  overdueBefore: Date;
  /** overdueBefore ≤ oldestUnansweredAt < dueSoonBefore ⇔ due soon. */
  dueSoonBefore: Date;
  /** The due-soon window in ms, clamped to 0..24 h as computeSlaStatus clamps it. */
  windowMs: number;
}

export function computeSlaBoundaries(now: Date, dueSoonThresholdMinutes: number): SlaBoundaries {
  const windowMs = Number.isNaN(dueSoonThresholdMinutes)
    ? 0
    : Math.min(Math.max(Math.round(dueSoonThresholdMinutes * MINUTE_MS), 0), OVERDUE_AFTER_MS);
  const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_MS);
  return { overdueBefore, dueSoonBefore: new Date(overdueBefore.getTime() + windowMs), windowMs };
}

/**
 * The next instant a count changes by time alone, from two minima the database returns in the
 * same query as the counts: the oldest unanswered message among on-time chats (which becomes
 * due soon first) and among due-soon chats (which becomes overdue first). Matches the earliest
 * nextSlaChangeAt over the same chats.
 */
export function nextCountChangeAt(input: {
  oldestOnTime: Date | null;
  oldestDueSoon: Date | null;
  windowMs: number;
}): Date | null {
  const candidates: number[] = [];
  if (input.oldestOnTime) candidates.push(input.oldestOnTime.getTime() + OVERDUE_AFTER_MS - input.windowMs + 1);
  if (input.oldestDueSoon) candidates.push(input.oldestDueSoon.getTime() + OVERDUE_AFTER_MS + 1);
  return candidates.length === 0 ? null : new Date(Math.min(...candidates));
}
