// The acting member as the session rules see them (src/core/session/session-actions.ts).
import { can } from "@/core/permissions";
import type { SessionActor } from "@/core/session/session-actions";
import type { MemberContext } from "@/server/services/resolve-member";

export function toSessionActor(member: Pick<MemberContext, "memberId" | "role" | "chatAccessRoles">): SessionActor {
  // Chat access management grants both (TEAM-5: "see and transfer every chat").
  return { memberId: member.memberId, managesAllChats: can(member, "session:transfer_any") };
}
