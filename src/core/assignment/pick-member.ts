import { assertValidCandidates, isSingleMemberShop, whyIneligible } from "./eligibility";
import {
  MAX_COMPARED_RECORDED,
  type AssignmentCandidate,
  type AssignmentDecisionDetail,
  type AssignmentMode,
  type ComparedCandidate,
} from "./types";

export interface PickResult {
  memberId: string;
  detail: AssignmentDecisionDetail;
}

interface RankingKey {
  /** Negative when a ranks before b. */
  compare: (a: AssignmentCandidate, b: AssignmentCandidate) => number;
  /** What the two were tied on, for the recorded rule. */
  tiedOn: string;
  /** Why the winner won on this key. */
  winsBy: string;
}

// Ratios are compared by cross-multiplying integers: a/b < c/d  <=>  a*d < c*b for b, d > 0.
// Floats would make 1/3 vs 2/6 a coin toss and the choice no longer reproducible.
function compareRatios(aNum: number, aDen: number, bNum: number, bDen: number): number {
  return aNum * bDen - bNum * aDen;
}

const byMoreFreeCapacity: RankingKey = {
  compare: (a, b) => (b.maxCapacity - b.openSessions) - (a.maxCapacity - a.openSessions),
  tiedOn: "free capacity",
  winsBy: "has the most free capacity (capacity - open sessions)",
};

// Code-unit order, not localeCompare, so the result does not depend on the server's locale.
const byMemberId: RankingKey = {
  compare: (a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  tiedOn: "member id",
  winsBy: "has the lowest member id",
};

/**
 * ASSIGN-3 ranking per mode: the primary ratio, then the documented tie-breaks
 * (docs/assignment.md). Data only, so the same figures always give the same member.
 */
const RANKING: Record<
  AssignmentMode,
  { label: string; keys: RankingKey[]; score: (c: AssignmentCandidate) => number }
> = {
  lowest_workload: {
    label: "Lowest workload",
    score: (c) => c.openSessions / c.maxCapacity,
    keys: [
      {
        compare: (a, b) => compareRatios(a.openSessions, a.maxCapacity, b.openSessions, b.maxCapacity),
        tiedOn: "open sessions / capacity",
        winsBy: "has the lowest open sessions / capacity",
      },
      byMoreFreeCapacity,
      {
        compare: (a, b) => a.assignedToday - b.assignedToday,
        tiedOn: "assigned today",
        winsBy: "has the fewest sessions assigned today",
      },
      byMemberId,
    ],
  },
  assign_equally: {
    label: "Assign equally",
    score: (c) => c.assignedToday / c.maxCapacity,
    keys: [
      {
        compare: (a, b) => compareRatios(a.assignedToday, a.maxCapacity, b.assignedToday, b.maxCapacity),
        tiedOn: "assigned today / capacity",
        winsBy: "has the lowest assigned today / capacity",
      },
      byMoreFreeCapacity,
      {
        compare: (a, b) => a.openSessions - b.openSessions,
        tiedOn: "open sessions",
        winsBy: "has the fewest open sessions",
      },
      byMemberId,
    ],
  },
};

function toCompared(c: AssignmentCandidate, score: (c: AssignmentCandidate) => number): ComparedCandidate {
  return {
    memberId: c.memberId,
    openSessions: c.openSessions,
    maxCapacity: c.maxCapacity,
    assignedToday: c.assignedToday,
    score: score(c),
  };
}

function describeWin(winner: AssignmentCandidate, runnerUp: AssignmentCandidate, keys: RankingKey[]): string {
  const tiedOn: string[] = [];
  for (const key of keys) {
    if (key.compare(winner, runnerUp) !== 0) {
      const tie = tiedOn.length > 0 ? `tied with ${runnerUp.memberId} on ${tiedOn.join(", ")}; ` : "";
      return `${tie}${winner.memberId} ${key.winsBy}`;
    }
    tiedOn.push(key.tiedOn);
  }
  // Unreachable: member ids are unique (assertValidCandidates), so the last key always decides.
  return `${winner.memberId} ranks first`;
}

/**
 * ASSIGN-1..3: the member the next session goes to, or null when nobody is eligible and the
 * session must wait in Unassigned (ASSIGN-4). The order of `candidates` does not matter.
 */
export function pickMember(input: {
  mode: AssignmentMode;
  candidates: readonly AssignmentCandidate[];
}): PickResult | null {
  assertValidCandidates(input.candidates);
  return pickFromValidCandidates(input);
}

/** pickMember without re-validating: for planDrain, which validates once for a whole queue. */
export function pickFromValidCandidates(input: {
  mode: AssignmentMode;
  candidates: readonly AssignmentCandidate[];
}): PickResult | null {
  // Once per pick, not once per helper: a drain makes thousands of picks over the same members.
  const singleMemberShop = isSingleMemberShop(input.candidates);
  const eligible = input.candidates.filter((c) => whyIneligible(c, { singleMemberShop }) === null);
  const ranking = RANKING[input.mode];

  if (singleMemberShop) {
    const only = eligible[0];
    if (only === undefined) return null;
    return {
      memberId: only.memberId,
      detail: {
        mode: "single_member",
        compared: [toCompared(only, RANKING.lowest_workload.score)],
        eligibleCount: 1,
        rule: `Single-member shop (ASSIGN-1): every session goes to ${only.memberId}, whatever their online state, accept switch or capacity`,
      },
    };
  }

  // Only the top of the ranking is needed (the winner and the recorded runners-up): a partial
  // insertion keeps it O(members × MAX_COMPARED_RECORDED) for each of a queue's thousands of picks.
  const compare = (a: AssignmentCandidate, b: AssignmentCandidate) => {
    for (const key of ranking.keys) {
      const order = key.compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
  const ranked: AssignmentCandidate[] = [];
  for (const candidate of eligible) {
    let at = ranked.length;
    while (at > 0 && compare(candidate, ranked[at - 1]!) < 0) at -= 1;
    if (at < MAX_COMPARED_RECORDED) {
      ranked.splice(at, 0, candidate);
      if (ranked.length > MAX_COMPARED_RECORDED) ranked.pop();
    }
  }
  const [winner, runnerUp] = ranked;
  if (winner === undefined) return null;

  const why =
    runnerUp === undefined
      ? `${winner.memberId} is the only eligible member`
      : describeWin(winner, runnerUp, ranking.keys);
  return {
    memberId: winner.memberId,
    detail: {
      mode: input.mode,
      compared: ranked.map((c) => toCompared(c, ranking.score)),
      eligibleCount: eligible.length,
      // The full tie-break order is documented (docs/assignment.md); the record names the key that decided.
      rule: `${ranking.label}: ${why}`,
    },
  };
}
