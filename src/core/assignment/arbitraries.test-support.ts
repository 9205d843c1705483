// Test-only: fast-check generators shared by the assignment tests. Not exported from index.ts.
import fc from "fast-check";
import type { AssignmentCandidate, AssignmentMode } from "./types";

export const modeArb: fc.Arbitrary<AssignmentMode> = fc.constantFrom("lowest_workload", "assign_equally");

/** Leans towards eligible members so that the interesting branches are exercised. */
export const candidateArb: fc.Arbitrary<AssignmentCandidate> = fc.record({
  memberId: fc.string({ minLength: 1, maxLength: 3 }),
  status: fc.oneof(
    { arbitrary: fc.constant("active" as const), weight: 5 },
    { arbitrary: fc.constant("invited" as const), weight: 1 },
    { arbitrary: fc.constant("deactivated" as const), weight: 1 },
  ),
  mayChat: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
  acceptAutoAssign: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  isOnline: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  openSessions: fc.integer({ min: 0, max: 12 }),
  maxCapacity: fc.integer({ min: 1, max: 10 }),
  assignedToday: fc.integer({ min: 0, max: 30 }),
});

export const candidatesArb: fc.Arbitrary<AssignmentCandidate[]> = fc.uniqueArray(candidateArb, {
  maxLength: 7,
  selector: (c) => c.memberId,
});

/** Candidates together with the same candidates in another order. */
export const candidatesWithPermutationArb = candidatesArb.chain((candidates) =>
  fc.tuple(
    fc.constant(candidates),
    fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }),
  ),
);

/** Oldest first; ids may repeat, as a merged read of the queue could produce. */
export const queueArb: fc.Arbitrary<string[]> = fc.array(
  fc.integer({ min: 0, max: 40 }).map((n) => `s${n}`),
  { maxLength: 40 },
);

export function makeCandidate(memberId: string, overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate {
  return {
    memberId,
    status: "active",
    mayChat: true,
    acceptAutoAssign: true,
    isOnline: true,
    openSessions: 0,
    maxCapacity: 10,
    assignedToday: 0,
    ...overrides,
  };
}
