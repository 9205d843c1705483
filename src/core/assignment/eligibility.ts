import { AppError } from "../errors";
import type { AssignmentCandidate } from "./types";

export type IneligibleReason = "inactive" | "cannot_chat" | "accept_off" | "offline" | "at_capacity";

/** Bigger counts could overflow exact integer cross-multiplication (products must stay < 2^53). */
const MAX_COUNT = 10_000_000;

function mayReceiveChats(candidate: AssignmentCandidate): boolean {
  return candidate.status === "active" && candidate.mayChat;
}

/**
 * ASSIGN-1: exactly one active member who may chat. That member receives every session:
 * online or not, accept switch on or off, and over capacity too, because the SPEC says
 * "every session is assigned to that member" and leaving a one-person shop's buyers in a
 * queue nobody else can take would help no one.
 */
export function isSingleMemberShop(candidates: readonly AssignmentCandidate[]): boolean {
  return candidates.filter(mayReceiveChats).length === 1;
}

/** null when the member may be auto-assigned; otherwise the first reason, in this order. */
export function whyIneligible(
  candidate: AssignmentCandidate,
  opts: { singleMemberShop: boolean },
): IneligibleReason | null {
  if (candidate.status !== "active") return "inactive";
  if (!candidate.mayChat) return "cannot_chat";
  if (opts.singleMemberShop) return null;
  if (!candidate.acceptAutoAssign) return "accept_off";
  if (!candidate.isOnline) return "offline";
  // >= rather than ===: a member whose capacity was lowered below their open count gets nothing.
  if (candidate.openSessions >= candidate.maxCapacity) return "at_capacity";
  return null;
}

/** The members auto-assignment may choose from (ASSIGN-1, ASSIGN-2), in input order. */
export function listEligible(candidates: readonly AssignmentCandidate[]): AssignmentCandidate[] {
  const singleMemberShop = isSingleMemberShop(candidates);
  return candidates.filter((c) => whyIneligible(c, { singleMemberShop }) === null);
}

/**
 * Rejects data the database constraints should already have ruled out. A silent fallback
 * here could break the capacity guarantee (ASSIGN-7) or the determinism of the pick.
 */
export function assertValidCandidates(candidates: readonly AssignmentCandidate[]): void {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.memberId)) {
      throw new AppError("INTERNAL", `Duplicate assignment candidate ${c.memberId}`);
    }
    seen.add(c.memberId);
    const isCount = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_COUNT;
    if (!isCount(c.openSessions) || !isCount(c.assignedToday) || !isCount(c.maxCapacity) || c.maxCapacity < 1) {
      throw new AppError(
        "INTERNAL",
        `Invalid figures for candidate ${c.memberId}: open ${c.openSessions}, capacity ${c.maxCapacity}, assigned today ${c.assignedToday}`,
      );
    }
  }
}
