// ASSIGN-6: the member's own "accept auto-assign chats" switch. Turning it on adds capacity,
// so the caller drains the Unassigned queue (ASSIGN-4); turning it off keeps every session the
// member holds and still lets others transfer chats to them.
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { toConsole, type OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";

export async function setAcceptAutoAssign(
  db: Database,
  input: { member: MemberContext; accept: boolean },
): Promise<{ acceptAutoAssign: boolean; events: OutgoingEvent[] }> {
  const updated = await db.member.update({
    where: { id: input.member.memberId },
    data: { acceptAutoAssign: input.accept },
    select: { acceptAutoAssign: true },
  });
  return {
    acceptAutoAssign: updated.acceptAutoAssign,
    events: [toConsole([rooms.shop(input.member.shopId)], "member.changed", { memberId: input.member.memberId, change: "updated" })],
  };
}
