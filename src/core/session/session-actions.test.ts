import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../errors";
import { SESSION_ACTIONS, assertSessionAction, canActOnSession, type SessionAction, type SessionActor } from "./session-actions";
import { SESSION_STATES, canTransition, type SessionState } from "./state-machine";

const ME = "member-me";
const OTHER = "member-other";
const agent: SessionActor = { memberId: ME, managesAllChats: false };
const manager: SessionActor = { memberId: ME, managesAllChats: true };

type Outcome = "ok" | "FORBIDDEN" | "CONFLICT" | "ILLEGAL_TRANSITION";
function outcome(action: SessionAction, state: SessionState, assigneeId: string | null, actor: SessionActor): Outcome {
  try {
    assertSessionAction(action, { state, assigneeId }, actor);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code as Outcome;
  }
}

// Written out in full: [action, state, assignee, agent outcome, manager outcome].
const TABLE: Array<[SessionAction, SessionState, string | null, Outcome, Outcome]> = [
  ["end", "queued", null, "ok", "ok"],
  ["end", "open", ME, "ok", "ok"],
  ["end", "open", OTHER, "FORBIDDEN", "ok"],
  ["end", "ended", ME, "ILLEGAL_TRANSITION", "ILLEGAL_TRANSITION"],
  ["end", "expired", OTHER, "ILLEGAL_TRANSITION", "ILLEGAL_TRANSITION"],
  ["reply", "queued", null, "CONFLICT", "CONFLICT"],
  ["reply", "open", ME, "ok", "ok"],
  ["reply", "open", OTHER, "FORBIDDEN", "ok"],
  ["reply", "ended", ME, "CONFLICT", "CONFLICT"],
  ["transfer", "queued", null, "CONFLICT", "CONFLICT"],
  ["transfer", "open", ME, "ok", "ok"],
  ["transfer", "open", OTHER, "FORBIDDEN", "ok"],
  ["transfer", "expired", ME, "CONFLICT", "CONFLICT"],
  ["assign", "queued", null, "ok", "ok"],
  ["assign", "open", OTHER, "CONFLICT", "CONFLICT"],
  ["assign", "ended", null, "CONFLICT", "CONFLICT"],
  ["star", "queued", null, "ok", "ok"],
  ["star", "open", ME, "ok", "ok"],
  ["star", "open", OTHER, "FORBIDDEN", "ok"],
  ["star", "ended", OTHER, "ok", "ok"],
  ["set_category", "open", OTHER, "FORBIDDEN", "ok"],
  ["set_category", "expired", ME, "ok", "ok"],
];

describe("session actions: who may act, in which state (issue 9, CHAT-6, CHAT-7)", () => {
  it.each(TABLE)("issue-9 %s on %s held by %s: agent %s, manager %s", (action, state, assigneeId, forAgent, forManager) => {
    expect(outcome(action, state, assigneeId, agent)).toBe(forAgent);
    expect(outcome(action, state, assigneeId, manager)).toBe(forManager);
  });

  it("issue-9 state-changing actions are legal only where the transition table allows their event", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SESSION_STATES),
        fc.constantFrom(ME, OTHER, null),
        fc.boolean(),
        (state, assigneeId, managesAllChats) => {
          const actor = { memberId: ME, managesAllChats };
          for (const action of ["end", "transfer", "assign"] as const) {
            if (canActOnSession(action, { state, assigneeId }, actor)) expect(canTransition(state, action)).toBe(true);
          }
        },
      ),
    );
  });

  it("issue-9 a former holder can do nothing on an open session someone else now holds", () => {
    for (const action of SESSION_ACTIONS) {
      expect(canActOnSession(action, { state: "open", assigneeId: OTHER }, agent)).toBe(false);
    }
  });
});
