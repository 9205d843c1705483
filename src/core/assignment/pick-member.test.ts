import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidatesArb, candidatesWithPermutationArb, makeCandidate, modeArb } from "./arbitraries.test-support";
import { isSingleMemberShop, listEligible, whyIneligible } from "./eligibility";
import { pickMember } from "./pick-member";
import { MAX_COMPARED_RECORDED, type AssignmentCandidate, type AssignmentMode } from "./types";

const m = makeCandidate;

describe("pickMember examples", () => {
  it.each<{ name: string; mode: AssignmentMode; candidates: AssignmentCandidate[]; expected: string | null; because?: RegExp }>([
    {
      name: "lowest workload picks the lowest open/capacity ratio, not the fewest open",
      mode: "lowest_workload",
      candidates: [m("a", { openSessions: 2, maxCapacity: 3 }), m("b", { openSessions: 4, maxCapacity: 10 })],
      expected: "b",
      because: /b has the lowest open sessions \/ capacity/,
    },
    {
      name: "lowest workload ignores assigned today when ratios differ",
      mode: "lowest_workload",
      candidates: [m("a", { openSessions: 1, assignedToday: 0 }), m("b", { openSessions: 0, assignedToday: 50 })],
      expected: "b",
    },
    {
      name: "lowest workload tie on ratio: more free capacity wins",
      mode: "lowest_workload",
      candidates: [m("a", { openSessions: 1, maxCapacity: 3 }), m("b", { openSessions: 2, maxCapacity: 6 })],
      expected: "b",
      because: /tied with a on open sessions \/ capacity; b has the most free capacity/,
    },
    {
      name: "lowest workload tie on ratio and free capacity: fewer assigned today wins",
      mode: "lowest_workload",
      candidates: [m("a", { openSessions: 1, assignedToday: 7 }), m("b", { openSessions: 1, assignedToday: 3 })],
      expected: "b",
      because: /tied with a on open sessions \/ capacity, free capacity; b has the fewest sessions assigned today/,
    },
    {
      name: "lowest workload full tie: lowest member id wins",
      mode: "lowest_workload",
      candidates: [m("b"), m("a"), m("c")],
      expected: "a",
      because: /a has the lowest member id/,
    },
    {
      name: "assign equally picks the lowest assigned-today/capacity ratio",
      mode: "assign_equally",
      candidates: [m("a", { assignedToday: 3, maxCapacity: 3 }), m("b", { assignedToday: 8, maxCapacity: 10 })],
      expected: "b",
      because: /b has the lowest assigned today \/ capacity/,
    },
    {
      name: "assign equally ignores open sessions when ratios differ",
      mode: "assign_equally",
      candidates: [m("a", { assignedToday: 1, openSessions: 0 }), m("b", { assignedToday: 0, openSessions: 9 })],
      expected: "b",
    },
    {
      name: "assign equally at the start of the day: larger capacity first",
      mode: "assign_equally",
      candidates: [m("a", { maxCapacity: 5 }), m("b", { maxCapacity: 20 })],
      expected: "b",
    },
    {
      name: "assign equally tie on ratio and free capacity: fewer open sessions wins",
      mode: "assign_equally",
      candidates: [m("a", { openSessions: 2, maxCapacity: 10, assignedToday: 4 }), m("b", { openSessions: 1, maxCapacity: 9, assignedToday: 0 }), m("c", { openSessions: 1, maxCapacity: 10, assignedToday: 4 })],
      expected: "b",
    },
    {
      name: "ineligible members are skipped even with the best ratio",
      mode: "lowest_workload",
      candidates: [m("a", { isOnline: false }), m("b", { acceptAutoAssign: false }), m("c", { openSessions: 9 })],
      expected: "c",
      because: /c is the only eligible member/,
    },
    {
      name: "nobody eligible: the session stays queued",
      mode: "lowest_workload",
      candidates: [m("a", { isOnline: false }), m("b", { openSessions: 10 })],
      expected: null,
    },
    {
      name: "no members at all",
      mode: "assign_equally",
      candidates: [],
      expected: null,
    },
    {
      name: "single-member shop: offline, accept off and over capacity still gets it",
      mode: "lowest_workload",
      candidates: [m("solo", { isOnline: false, acceptAutoAssign: false, openSessions: 30, maxCapacity: 10 }), m("x", { status: "invited" })],
      expected: "solo",
      because: /Single-member shop \(ASSIGN-1\)/,
    },
  ])("ASSIGN-1 ASSIGN-2 ASSIGN-3 $name", ({ mode, candidates, expected, because }) => {
    const result = pickMember({ mode, candidates });
    expect(result?.memberId ?? null).toBe(expected);
    if (because) expect(result?.detail.rule).toMatch(because);
  });

  it("ASSIGN-8 the detail records mode, every compared member's figures in rank order, and the rule", () => {
    const result = pickMember({
      mode: "lowest_workload",
      candidates: [m("a", { openSessions: 3, maxCapacity: 4, assignedToday: 9 }), m("b", { openSessions: 1, maxCapacity: 4, assignedToday: 2 }), m("c", { isOnline: false })],
    });
    expect(result).toEqual({
      memberId: "b",
      detail: {
        mode: "lowest_workload",
        compared: [
          { memberId: "b", openSessions: 1, maxCapacity: 4, assignedToday: 2, score: 0.25 },
          { memberId: "a", openSessions: 3, maxCapacity: 4, assignedToday: 9, score: 0.75 },
        ],
        eligibleCount: 2,
        rule: "Lowest workload: b has the lowest open sessions / capacity",
      },
    });
  });

  it("ASSIGN-8 a large team records the top of the ranking and how many were eligible", () => {
    const team = Array.from({ length: 12 }, (_, i) => m(`m${String(i).padStart(2, "0")}`, { openSessions: i, maxCapacity: 20 }));
    const detail = pickMember({ mode: "lowest_workload", candidates: team })!.detail;
    expect(detail.eligibleCount).toBe(12);
    expect(detail.compared.map((c) => c.memberId)).toEqual(["m00", "m01", "m02"]);
  });

  it("ASSIGN-8 single-member detail", () => {
    expect(pickMember({ mode: "assign_equally", candidates: [m("solo", { openSessions: 2, maxCapacity: 4, assignedToday: 5 })] })?.detail).toEqual({
      mode: "single_member",
      compared: [{ memberId: "solo", openSessions: 2, maxCapacity: 4, assignedToday: 5, score: 0.5 }],
      eligibleCount: 1,
      rule: "Single-member shop (ASSIGN-1): every session goes to solo, whatever their online state, accept switch or capacity",
    });
  });
});

// A reference ranking written independently of pick-member.ts: exact fractions via BigInt.
function primaryRatio(mode: AssignmentMode, c: AssignmentCandidate): [bigint, bigint] {
  return [BigInt(mode === "lowest_workload" ? c.openSessions : c.assignedToday), BigInt(c.maxCapacity)];
}

describe("pickMember properties", () => {
  it("ASSIGN-2 never picks an ineligible member, and returns null only when nobody is eligible", () => {
    fc.assert(
      fc.property(modeArb, candidatesArb, (mode, candidates) => {
        const result = pickMember({ mode, candidates });
        const eligible = listEligible(candidates);
        if (result === null) {
          expect(eligible).toEqual([]);
          return;
        }
        const picked = candidates.find((c) => c.memberId === result.memberId);
        expect(picked).toBeDefined();
        expect(whyIneligible(picked!, { singleMemberShop: isSingleMemberShop(candidates) })).toBeNull();
      }),
    );
  });

  it("ASSIGN-3 the picked member has the lowest ratio of the mode among eligible members", () => {
    fc.assert(
      fc.property(modeArb, candidatesArb, (mode, candidates) => {
        const result = pickMember({ mode, candidates });
        if (result === null || result.detail.mode === "single_member") return;
        const picked = candidates.find((c) => c.memberId === result.memberId)!;
        const [pn, pd] = primaryRatio(mode, picked);
        for (const other of listEligible(candidates)) {
          const [on, od] = primaryRatio(mode, other);
          expect(pn * od <= on * pd).toBe(true);
        }
      }),
    );
  });

  it("ASSIGN-3 ASSIGN-8 the detail compares exactly the eligible members, winner first, and survives JSON", () => {
    fc.assert(
      fc.property(modeArb, candidatesArb, (mode, candidates) => {
        const result = pickMember({ mode, candidates });
        if (result === null) return;
        const { detail } = result;
        expect(detail.compared[0]?.memberId).toBe(result.memberId);
        const eligibleIds = listEligible(candidates).map((c) => c.memberId);
        expect(detail.eligibleCount).toBe(eligibleIds.length);
        expect(detail.compared).toHaveLength(Math.min(eligibleIds.length, MAX_COMPARED_RECORDED));
        expect(detail.compared.every((c) => eligibleIds.includes(c.memberId))).toBe(true);
        expect(detail.mode).toBe(isSingleMemberShop(candidates) ? "single_member" : mode);
        expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
        expect(detail.compared.every((c) => Number.isFinite(c.score))).toBe(true);
      }),
    );
  });

  it("ASSIGN-3 deterministic: the same candidates in any order give the same result", () => {
    fc.assert(
      fc.property(modeArb, candidatesWithPermutationArb, (mode, [candidates, shuffled]) => {
        const first = pickMember({ mode, candidates });
        expect(pickMember({ mode, candidates })).toEqual(first);
        expect(pickMember({ mode, candidates: shuffled })).toEqual(first);
      }),
    );
  });

  it("does not modify its input", () => {
    fc.assert(
      fc.property(modeArb, candidatesArb, (mode, candidates) => {
        const before = structuredClone(candidates);
        pickMember({ mode, candidates });
        expect(candidates).toEqual(before);
      }),
    );
  });
});
