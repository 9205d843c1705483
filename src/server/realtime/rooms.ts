// Room names and audiences in one place, so publishers and joiners always agree.
// Console sockets join: member:<id>, shop:<id> (every member), shop:<id>:all (roles with chat
// access management, TEAM-5). Widget sockets join buyer:<id>.

export const rooms = {
  member: (memberId: string) => `member:${memberId}`,
  shop: (shopId: string) => `shop:${shopId}`,
  shopAllChats: (shopId: string) => `shop:${shopId}:all`,
  buyer: (buyerId: string) => `buyer:${buyerId}`,
  /** Console sockets of one sign-in session, so signing out drops them (issue 15 item 4). */
  signInSession: (sessionId: string) => `signin:${sessionId}`,
};

/**
 * Console rooms that may see a session's conversation (CONSOLE-1): a queued session is in
 * everyone's Unassigned list; an open or closed one belongs to its assignee and to the roles
 * with chat access management.
 */
export function consoleAudience(session: { shopId: string; state: string; assigneeId: string | null }, extraMemberIds: string[] = []): string[] {
  const audience = session.state === "queued" || !session.assigneeId
    ? [rooms.shop(session.shopId)]
    : [rooms.member(session.assigneeId), rooms.shopAllChats(session.shopId)];
  return [...audience, ...extraMemberIds.map(rooms.member)];
}
