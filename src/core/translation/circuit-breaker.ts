// SET-3, issue 13: a translation engine that keeps failing is left alone for a while instead of
// being asked (and waited for) on every message. Classic three states, as a pure value so the
// rule is tested without clocks or engines:
// - closed: calls go through; `failureThreshold` consecutive failures open the circuit;
// - open: calls are refused until `openMs` has passed since it opened;
// - half-open: one trial call goes through; success closes the circuit, failure re-opens it.

export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
}

export type CircuitState =
  | { kind: "closed"; consecutiveFailures: number }
  | { kind: "open"; openedAt: number }
  | { kind: "half_open"; trialInFlight: boolean };

export const CLOSED: CircuitState = { kind: "closed", consecutiveFailures: 0 };

/** Whether a call may start now, and the state once it has started. */
export function beginCall(state: CircuitState, now: number, options: CircuitBreakerOptions): { allowed: boolean; state: CircuitState } {
  switch (state.kind) {
    case "closed":
      return { allowed: true, state };
    case "open":
      if (now - state.openedAt < options.openMs) return { allowed: false, state };
      return { allowed: true, state: { kind: "half_open", trialInFlight: true } };
    case "half_open":
      if (state.trialInFlight) return { allowed: false, state };
      return { allowed: true, state: { kind: "half_open", trialInFlight: true } };
  }
}

/** The state after a call that was allowed ended. */
export function endCall(state: CircuitState, outcome: "success" | "failure", now: number, options: CircuitBreakerOptions): CircuitState {
  if (outcome === "success") return CLOSED;
  if (state.kind === "closed") {
    const consecutiveFailures = state.consecutiveFailures + 1;
    return consecutiveFailures >= options.failureThreshold ? { kind: "open", openedAt: now } : { kind: "closed", consecutiveFailures };
  }
  // A failed trial (or a straggler from before the circuit opened) opens it again from now.
  return { kind: "open", openedAt: now };
}
