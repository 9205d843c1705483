import { AppError } from "../errors";

export const SESSION_STATES = ["queued", "open", "ended", "expired"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_EVENTS = ["assign", "transfer", "requeue", "end", "expire"] as const;
export type SessionEvent = (typeof SESSION_EVENTS)[number];

/**
 * The one transition table. A pair missing here is illegal and throws, because a silent
 * no-op would hide races (two agents ending the same session, a timeout firing after an end).
 * - requeue: the assignee was deactivated (TEAM-3), so the session goes back to the queue.
 * - queued --end: any member may end a queued session (everyone sees Unassigned and could take
 *   it anyway); who may end an open one is decided by session-actions.ts (holder or chat access
 *   management).
 * - expire from queued or open: the 7-day timeout (CHAT-8) applies whether or not anyone took it.
 */
export const SESSION_TRANSITIONS: Readonly<
  Record<SessionState, Readonly<Partial<Record<SessionEvent, SessionState>>>>
> = {
  queued: { assign: "open", end: "ended", expire: "expired" },
  open: { transfer: "open", requeue: "queued", end: "ended", expire: "expired" },
  ended: {},
  expired: {},
};

function findNextState(state: SessionState, event: SessionEvent): SessionState | undefined {
  // Guarded lookup: state and event may come from the database or the wire at run time.
  if (!Object.hasOwn(SESSION_TRANSITIONS, state)) return undefined;
  const row = SESSION_TRANSITIONS[state];
  return Object.hasOwn(row, event) ? row[event] : undefined;
}

export function canTransition(state: SessionState, event: SessionEvent): boolean {
  return findNextState(state, event) !== undefined;
}

export function transitionSession(state: SessionState, event: SessionEvent): SessionState {
  const next = findNextState(state, event);
  if (next === undefined) {
    const allowed = Object.hasOwn(SESSION_TRANSITIONS, state)
      ? Object.keys(SESSION_TRANSITIONS[state])
      : [];
    throw new AppError(
      "ILLEGAL_TRANSITION",
      `Cannot ${event} a session that is ${state} (allowed from ${state}: ${
        allowed.length > 0 ? allowed.join(", ") : "none"
      })`,
    );
  }
  return next;
}

/**
 * The states from which `event` is legal, in SESSION_STATES order. Services build their SQL and
 * Prisma guards (`state IN (...)`) from this, so a guard is never written again by hand.
 */
export function statesAllowing(event: SessionEvent): SessionState[] {
  return SESSION_STATES.filter((state) => canTransition(state, event));
}

/** Queued or open: the conversation's one live session (SPEC 0). */
export function isActiveState(state: SessionState): boolean {
  return state === "queued" || state === "open";
}

/** Ended or expired: history, nobody may reply in it. */
export function isClosedState(state: SessionState): boolean {
  return state === "ended" || state === "expired";
}
