import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLOSED, beginCall, endCall, type CircuitState } from "./circuit-breaker";

const options = { failureThreshold: 3, openMs: 10_000 };

describe("SET-3 translation circuit breaker", () => {
  it("SET-3 opens after the threshold of consecutive failures, refuses while open, lets one trial through after openMs", () => {
    let state: CircuitState = CLOSED;
    for (let call = 0; call < 3; call += 1) {
      const started = beginCall(state, 1_000, options);
      expect(started.allowed).toBe(true);
      state = endCall(started.state, "failure", 1_000, options);
    }
    expect(state).toEqual({ kind: "open", openedAt: 1_000 });
    expect(beginCall(state, 10_999, options).allowed).toBe(false);
    const trial = beginCall(state, 11_000, options);
    expect(trial).toEqual({ allowed: true, state: { kind: "half_open", trialInFlight: true } });
    expect(beginCall(trial.state, 11_001, options).allowed).toBe(false);
    expect(endCall(trial.state, "success", 11_050, options)).toEqual(CLOSED);
    expect(endCall(trial.state, "failure", 11_050, options)).toEqual({ kind: "open", openedAt: 11_050 });
  });

  it("SET-3 a success resets the count of consecutive failures", () => {
    let state: CircuitState = CLOSED;
    state = endCall(state, "failure", 0, options);
    state = endCall(state, "failure", 0, options);
    state = endCall(state, "success", 0, options);
    state = endCall(state, "failure", 0, options);
    expect(state).toEqual({ kind: "closed", consecutiveFailures: 1 });
  });

  it("SET-3 never lets a call through while open and younger than openMs, whatever happened before", () => {
    const event = fc.record({ outcome: fc.constantFrom("success" as const, "failure" as const), advanceMs: fc.integer({ min: 0, max: 20_000 }) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state: CircuitState = CLOSED;
        let now = 0;
        for (const { outcome, advanceMs } of events) {
          now += advanceMs;
          const started = beginCall(state, now, options);
          if (state.kind === "open" && now - state.openedAt < options.openMs) expect(started.allowed).toBe(false);
          if (state.kind === "closed") expect(started.allowed).toBe(true);
          state = started.allowed ? endCall(started.state, outcome, now, options) : started.state;
          if (state.kind === "closed") expect(state.consecutiveFailures).toBeLessThan(options.failureThreshold);
        }
      }),
    );
  });
});
