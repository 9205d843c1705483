export type {
  AssignmentCandidate,
  AssignmentDecisionDetail,
  AssignmentMode,
  ComparedCandidate,
  MemberStatus,
} from "./types";
export { ASSIGNMENT_MODES, MAX_COMPARED_RECORDED } from "./types";
export type { IneligibleReason } from "./eligibility";
export { assertValidCandidates, isSingleMemberShop, listEligible, whyIneligible } from "./eligibility";
export type { PickResult } from "./pick-member";
export { pickMember } from "./pick-member";
export type { PlannedAssignment } from "./plan-drain";
export { planDrain } from "./plan-drain";
