import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { candidatesArb, makeCandidate } from "./arbitraries.test-support";
import { assertValidCandidates, isSingleMemberShop, listEligible, whyIneligible, type IneligibleReason } from "./eligibility";
import type { AssignmentCandidate } from "./types";

describe("whyIneligible", () => {
  it.each<{ name: string; c: Partial<AssignmentCandidate>; single: boolean; expected: IneligibleReason | null }>([
    { name: "active, online, accepting, below capacity", c: {}, single: false, expected: null },
    { name: "invited", c: { status: "invited" }, single: false, expected: "inactive" },
    { name: "deactivated", c: { status: "deactivated" }, single: false, expected: "inactive" },
    { name: "role without chat or deleted", c: { mayChat: false }, single: false, expected: "cannot_chat" },
    { name: "accept switch off", c: { acceptAutoAssign: false }, single: false, expected: "accept_off" },
    { name: "console closed", c: { isOnline: false }, single: false, expected: "offline" },
    { name: "one below capacity", c: { openSessions: 9, maxCapacity: 10 }, single: false, expected: null },
    { name: "at capacity", c: { openSessions: 10, maxCapacity: 10 }, single: false, expected: "at_capacity" },
    { name: "over a lowered capacity", c: { openSessions: 12, maxCapacity: 10 }, single: false, expected: "at_capacity" },
    { name: "first reason wins", c: { status: "deactivated", mayChat: false, isOnline: false }, single: false, expected: "inactive" },
    { name: "single member: offline", c: { isOnline: false }, single: true, expected: null },
    { name: "single member: accept off", c: { acceptAutoAssign: false }, single: true, expected: null },
    { name: "single member: at capacity", c: { openSessions: 10, maxCapacity: 10 }, single: true, expected: null },
    { name: "single member rule still needs active", c: { status: "deactivated" }, single: true, expected: "inactive" },
    { name: "single member rule still needs chat", c: { mayChat: false }, single: true, expected: "cannot_chat" },
  ])("ASSIGN-1 ASSIGN-2 $name (single=$single) -> $expected", ({ c, single, expected }) => {
    expect(whyIneligible(makeCandidate("m", c), { singleMemberShop: single })).toBe(expected);
  });
});

describe("isSingleMemberShop", () => {
  it.each<{ name: string; members: AssignmentCandidate[]; expected: boolean }>([
    { name: "no members", members: [], expected: false },
    { name: "one active chatting member", members: [makeCandidate("a")], expected: true },
    { name: "plus an invited one", members: [makeCandidate("a"), makeCandidate("b", { status: "invited" })], expected: true },
    { name: "plus a deactivated one", members: [makeCandidate("a"), makeCandidate("b", { status: "deactivated" })], expected: true },
    { name: "plus one who may not chat", members: [makeCandidate("a"), makeCandidate("b", { mayChat: false })], expected: true },
    { name: "two active chatting members", members: [makeCandidate("a"), makeCandidate("b", { isOnline: false })], expected: false },
    { name: "the only member is deactivated", members: [makeCandidate("a", { status: "deactivated" })], expected: false },
  ])("ASSIGN-1 $name -> $expected", ({ members, expected }) => {
    expect(isSingleMemberShop(members)).toBe(expected);
  });
});

describe("listEligible", () => {
  it("ASSIGN-1 the single member is eligible offline, with accept off and at capacity", () => {
    const only = makeCandidate("a", { isOnline: false, acceptAutoAssign: false, openSessions: 5, maxCapacity: 5 });
    expect(listEligible([only, makeCandidate("b", { status: "invited" })])).toEqual([only]);
  });

  it("ASSIGN-2 with two members the switches and capacity apply again", () => {
    const a = makeCandidate("a", { isOnline: false });
    const b = makeCandidate("b", { acceptAutoAssign: false });
    const c = makeCandidate("c", { openSessions: 10, maxCapacity: 10 });
    const d = makeCandidate("d");
    expect(listEligible([a, b, c, d])).toEqual([d]);
  });

  it("ASSIGN-2 property: eligible means active, may chat and (unless single-member) accepting, online and below capacity", () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const single = isSingleMemberShop(candidates);
        const eligible = listEligible(candidates);
        expect(eligible).toEqual(candidates.filter((c) => whyIneligible(c, { singleMemberShop: single }) === null));
        for (const c of eligible) {
          expect(c.status).toBe("active");
          expect(c.mayChat).toBe(true);
          if (!single) {
            expect(c.acceptAutoAssign && c.isOnline && c.openSessions < c.maxCapacity).toBe(true);
          }
        }
        if (single) expect(eligible).toHaveLength(1);
      }),
    );
  });
});

describe("assertValidCandidates", () => {
  it.each<{ name: string; candidates: AssignmentCandidate[] }>([
    { name: "duplicate member ids", candidates: [makeCandidate("a"), makeCandidate("a")] },
    { name: "capacity 0", candidates: [makeCandidate("a", { maxCapacity: 0 })] },
    { name: "negative open sessions", candidates: [makeCandidate("a", { openSessions: -1 })] },
    { name: "fractional assigned today", candidates: [makeCandidate("a", { assignedToday: 1.5 })] },
    { name: "NaN capacity", candidates: [makeCandidate("a", { maxCapacity: Number.NaN })] },
    { name: "count too large for exact cross-multiplication", candidates: [makeCandidate("a", { assignedToday: 1e8 })] },
  ])("rejects $name", ({ candidates }) => {
    expect(() => assertValidCandidates(candidates)).toThrow(AppError);
  });

  it("accepts the SPEC capacity range 1..999", () => {
    expect(() => assertValidCandidates([makeCandidate("a", { maxCapacity: 1 }), makeCandidate("b", { maxCapacity: 999 })])).not.toThrow();
  });
});
