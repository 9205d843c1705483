// ASSIGN-6: the member's own "accept auto-assign chats" switch. Switching it on is one of the
// events that drains the Unassigned queue (ASSIGN-4), wired in by the assignment engine.
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";

export async function setAcceptAutoAssign(
  db: Database,
  input: { member: MemberContext; accept: boolean },
): Promise<{ acceptAutoAssign: boolean }> {
  const updated = await db.member.update({
    where: { id: input.member.memberId },
    data: { acceptAutoAssign: input.accept },
    select: { acceptAutoAssign: true },
  });
  return updated;
}
