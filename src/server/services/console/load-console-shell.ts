// What the console page needs around the chat list: the shops the person can switch to, whether
// the accept switch is shown (ASSIGN-1: not in a shop with one member who may chat) and their
// notification choices (CONSOLE-8, SET-2; anything unreadable falls back to everything on).
import type { Database } from "@/server/db/client";
import { listUserShops, type MemberContext, type ShopChoice } from "@/server/services/resolve-member";
import { readNotificationPrefs, type NotificationPrefs } from "@/core/notifications/prefs";

export interface ConsoleShellData {
  shops: ShopChoice[];
  hasAcceptSwitch: boolean;
  notificationPrefs: NotificationPrefs;
}

export async function loadConsoleShell(db: Database, input: { member: MemberContext }): Promise<ConsoleShellData> {
  const { member } = input;
  const [shops, activeMembers, own] = await Promise.all([
    listUserShops(db, member.userId),
    db.member.count({ where: { shopId: member.shopId, status: "active", deletedAt: null } }),
    db.member.findUnique({ where: { id: member.memberId }, select: { notificationPrefs: true } }),
  ]);
  return { shops, hasAcceptSwitch: activeMembers > 1, notificationPrefs: readNotificationPrefs(own?.notificationPrefs) };
}
