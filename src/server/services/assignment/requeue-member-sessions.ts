// TEAM-3: when a member is deactivated (or deleted), their open sessions go back to the queue
// and are routed again. Filled in by the assignment engine (issue 4).
import type { Database } from "@/server/db/client";
import type { OutgoingEvent } from "@/server/realtime/publish";

export async function requeueMemberSessions(
  _db: Database,
  _input: { shopId: string; memberId: string; actorMemberId: string | null },
): Promise<OutgoingEvent[]> {
  return [];
}
