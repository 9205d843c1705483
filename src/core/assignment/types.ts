export const ASSIGNMENT_MODES = ["lowest_workload", "assign_equally"] as const;
/** ASSIGN-3, chosen per shop (TEAM-5). */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export type MemberStatus = "invited" | "active" | "deactivated";

/** What the core needs to know about one member of the shop; the service loads it. */
export interface AssignmentCandidate {
  memberId: string;
  status: MemberStatus;
  /** The role permits chat and the user is not deleted. */
  mayChat: boolean;
  acceptAutoAssign: boolean;
  /** At least one live console connection, counting a reload within the grace period (ASSIGN-2). */
  isOnline: boolean;
  openSessions: number;
  /** 1 to 999 (SPEC 0). */
  maxCapacity: number;
  assignedToday: number;
}

/** One compared member's figures, as recorded for ASSIGN-8. */
export interface ComparedCandidate {
  memberId: string;
  openSessions: number;
  maxCapacity: number;
  assignedToday: number;
  /** The ratio the mode ranks by (open or assigned-today over capacity); for display only. */
  score: number;
}

/**
 * Why a member was picked, stored with the assignment (ASSIGN-8). Plain JSON: strings,
 * finite numbers and arrays only. `compared` lists the eligible members in rank order,
 * the picked one first.
 */
export interface AssignmentDecisionDetail {
  mode: AssignmentMode | "single_member";
  /** The best-ranked eligible members (at most MAX_COMPARED_RECORDED), winner first. */
  compared: ComparedCandidate[];
  /** How many members were eligible in all; `compared` keeps the top of that ranking. */
  eligibleCount: number;
  rule: string;
}

/**
 * How many ranked members a decision records. The winner and the runners-up explain the choice;
 * recording all of a large team on every one of thousands of assignments made the records, not
 * the decisions, the cost of draining a queue (bench: assignment-drain).
 */
export const MAX_COMPARED_RECORDED = 3;
