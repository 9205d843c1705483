import { assertValidCandidates } from "./eligibility";
import { pickFromValidCandidates } from "./pick-member";
import type { AssignmentCandidate, AssignmentDecisionDetail, AssignmentMode } from "./types";

export interface PlannedAssignment {
  sessionId: string;
  memberId: string;
  detail: AssignmentDecisionDetail;
}

/**
 * ASSIGN-4: assign the queue oldest first, one pick per session, counting each pick against
 * the chosen member before the next one. Stops at the first session nobody can take: picks only
 * ever add load, so nobody would be eligible for the later sessions either.
 *
 * This is a plan, not a claim. The service must still claim each session under a lock and
 * re-check capacity in the same transaction (ASSIGN-7), since other nodes drain concurrently.
 */
export function planDrain(input: {
  mode: AssignmentMode;
  /** Oldest first. */
  queuedSessionIds: readonly string[];
  candidates: readonly AssignmentCandidate[];
}): PlannedAssignment[] {
  assertValidCandidates(input.candidates);
  // Copies: the caller's candidates stay as loaded.
  const candidates = input.candidates.map((c) => ({ ...c }));
  const byMemberId = new Map(candidates.map((c) => [c.memberId, c]));
  const plan: PlannedAssignment[] = [];
  // A session id listed twice (e.g. two merged queue reads) is still assigned once (ASSIGN-7).
  const planned = new Set<string>();

  for (const sessionId of input.queuedSessionIds) {
    if (planned.has(sessionId)) continue;
    const pick = pickFromValidCandidates({ mode: input.mode, candidates });
    if (pick === null) break;
    const chosen = byMemberId.get(pick.memberId);
    if (chosen === undefined) break; // unreachable: pickMember only returns given members
    chosen.openSessions += 1;
    chosen.assignedToday += 1;
    planned.add(sessionId);
    plan.push({ sessionId, memberId: pick.memberId, detail: pick.detail });
  }
  return plan;
}
