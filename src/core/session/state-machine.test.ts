import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import {
  SESSION_EVENTS,
  SESSION_STATES,
  canTransition,
  isActiveState,
  isClosedState,
  statesAllowing,
  transitionSession,
  type SessionEvent,
  type SessionState,
} from "./state-machine";

// The expected table written out in full, independently of SESSION_TRANSITIONS,
// so that a change to the table has to be made twice on purpose.
const EXPECTED: Record<SessionState, Record<SessionEvent, SessionState | "illegal">> = {
  queued: { assign: "open", transfer: "illegal", requeue: "illegal", end: "ended", expire: "expired" },
  open: { assign: "illegal", transfer: "open", requeue: "queued", end: "ended", expire: "expired" },
  ended: { assign: "illegal", transfer: "illegal", requeue: "illegal", end: "illegal", expire: "illegal" },
  expired: { assign: "illegal", transfer: "illegal", requeue: "illegal", end: "illegal", expire: "illegal" },
};

const PAIRS = SESSION_STATES.flatMap((state) =>
  SESSION_EVENTS.map((event) => ({ state, event, expected: EXPECTED[state][event] })),
);

describe("session state machine", () => {
  it("covers every (state, event) pair", () => {
    expect(PAIRS).toHaveLength(SESSION_STATES.length * SESSION_EVENTS.length);
  });

  it.each(PAIRS)("SPEC-0 CHAT-7 CHAT-8 TEAM-3 $state --$event--> $expected", ({ state, event, expected }) => {
    if (expected === "illegal") {
      expect(canTransition(state, event)).toBe(false);
      let thrown: unknown;
      try {
        transitionSession(state, event);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe("ILLEGAL_TRANSITION");
      expect((thrown as AppError).message).toContain(`Cannot ${event} a session that is ${state}`);
    } else {
      expect(canTransition(state, event)).toBe(true);
      expect(transitionSession(state, event)).toBe(expected);
    }
  });

  it.each([
    { state: "queued", active: true, closed: false },
    { state: "open", active: true, closed: false },
    { state: "ended", active: false, closed: true },
    { state: "expired", active: false, closed: true },
  ] as const)("SPEC-0 $state is active=$active closed=$closed", ({ state, active, closed }) => {
    expect(isActiveState(state)).toBe(active);
    expect(isClosedState(state)).toBe(closed);
  });

  it("SPEC-0 closed states are terminal", () => {
    for (const state of SESSION_STATES.filter(isClosedState)) {
      for (const event of SESSION_EVENTS) expect(canTransition(state, event)).toBe(false);
    }
  });

  it("rejects unknown states and events coming from outside the type system", () => {
    expect(canTransition("deleted" as SessionState, "end")).toBe(false);
    expect(canTransition("open", "toString" as SessionEvent)).toBe(false);
    expect(() => transitionSession("deleted" as SessionState, "end")).toThrow(AppError);
  });
});

describe("statesAllowing: the source of every SQL state guard (issue 9)", () => {
  it.each(SESSION_EVENTS)("issue-9 %s is legal exactly from statesAllowing(%s)", (event) => {
    const expected = SESSION_STATES.filter((state) => EXPECTED[state][event] !== "illegal");
    expect(statesAllowing(event)).toEqual(expected);
  });

  it("issue-9 the guards the services use", () => {
    expect(statesAllowing("assign")).toEqual(["queued"]);
    expect(statesAllowing("transfer")).toEqual(["open"]);
    expect(statesAllowing("requeue")).toEqual(["open"]);
    expect(statesAllowing("end")).toEqual(["queued", "open"]);
    expect(statesAllowing("expire")).toEqual(["queued", "open"]);
  });

  it("SPEC-0 active states are exactly the non-terminal ones", () => {
    for (const state of SESSION_STATES) {
      expect(isActiveState(state)).toBe(SESSION_EVENTS.some((event) => canTransition(state, event)));
    }
  });
});
