// ASSIGN-6: the member's own "accept auto-assign chats" switch. Turning it on adds capacity,
// so the result asks for a drain of the Unassigned queue (ASSIGN-4); turning it off keeps every
// session the member holds and still lets others transfer chats to them.
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import { toConsole } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

export async function setAcceptAutoAssign(
  db: Database,
  input: { member: MemberContext; accept: boolean },
): Promise<ServiceResult<{ acceptAutoAssign: boolean }>> {
  assertCan(input.member, "presence:set_own_accept");
  const updated = await db.member.update({
    where: { id: input.member.memberId },
    data: { acceptAutoAssign: input.accept },
    select: { acceptAutoAssign: true },
  });
  return serviceResult(
    { acceptAutoAssign: updated.acceptAutoAssign },
    [toConsole([rooms.shop(input.member.shopId)], "member.changed", { memberId: input.member.memberId, change: "updated" })],
    [updated.acceptAutoAssign ? input.member.shopId : null],
  );
}
