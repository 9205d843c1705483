// Room names and audiences in one place, so publishers and joiners always agree.
// Console sockets join: member:<id>, shop:<id> (every member), shop:<id>:all (roles with chat
// access management, TEAM-5). Widget sockets join buyer:<id> and shop:<id>:buyers (every widget
// of the shop, for its availability, WIDGET-4).
import { liveAudience } from "@/core/visibility";

export const rooms = {
  member: (memberId: string) => `member:${memberId}`,
  shop: (shopId: string) => `shop:${shopId}`,
  shopAllChats: (shopId: string) => `shop:${shopId}:all`,
  buyer: (buyerId: string) => `buyer:${buyerId}`,
  /** WIDGET-4: every widget socket of the shop. */
  shopBuyers: (shopId: string) => `shop:${shopId}:buyers`,
  /** Console sockets of one sign-in session, so signing out drops them (issue 15 item 4). */
  signInSession: (sessionId: string) => `signin:${sessionId}`,
};

const SHOP_ROOM = /^shop:([0-9a-f-]{36})$/i;

/** The shop id of a `shop:<id>` room (every member of the shop), else null. */
export function shopIdOfShopRoom(room: string): string | null {
  return SHOP_ROOM.exec(room)?.[1] ?? null;
}

/**
 * Console rooms that hear a session's live events: the viewers it is listed for under the one
 * visibility rule (src/core/visibility, liveAudience). A queued session is in everyone's
 * Unassigned list; an open or closed one belongs to its assignee and to the roles with chat
 * access management.
 */
export function consoleAudience(session: { shopId: string; state: string; assigneeId: string | null }, extraMemberIds: string[] = []): string[] {
  const audience = liveAudience({ state: session.state as "queued" | "open" | "ended" | "expired", assigneeId: session.assigneeId });
  const targets = audience.everyone
    ? [rooms.shop(session.shopId)]
    : [...audience.memberIds.map(rooms.member), ...(audience.allChatsViewers ? [rooms.shopAllChats(session.shopId)] : [])];
  return [...new Set([...targets, ...extraMemberIds.map(rooms.member)])];
}
