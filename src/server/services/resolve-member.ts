// Who is acting, re-read from the database on every request and socket connection, so that a
// role change, deactivation or deletion (TEAM-3) takes effect at once, whatever the JWT says.
import type { Database } from "@/server/db/client";
import type { MemberRole } from "@/generated/prisma/enums";

export interface MemberContext {
  userId: string;
  email: string;
  memberId: string;
  shopId: string;
  shopName: string;
  role: MemberRole;
  chatAccessRoles: MemberRole[];
  nickname: string;
  avatarUrl: string | null;
  acceptAutoAssign: boolean;
}

export async function resolveMemberContext(
  db: Database,
  identity: { userId: string; shopId: string },
): Promise<MemberContext | null> {
  const member = await db.member.findUnique({
    where: { shopId_userId: { shopId: identity.shopId, userId: identity.userId } },
    include: { user: true, shop: true },
  });
  if (!member || member.status !== "active" || member.deletedAt || member.user.deletedAt) return null;
  return {
    userId: member.userId,
    email: member.user.email,
    memberId: member.id,
    shopId: member.shopId,
    shopName: member.shop.name,
    role: member.role,
    chatAccessRoles: member.shop.chatAccessRoles,
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    acceptAutoAssign: member.acceptAutoAssign,
  };
}

export interface ShopChoice {
  shopId: string;
  shopName: string;
  role: MemberRole;
}

/** The shops a user may switch between: active memberships only. */
export async function listUserShops(db: Database, userId: string): Promise<ShopChoice[]> {
  const memberships = await db.member.findMany({
    where: { userId, status: "active", deletedAt: null },
    include: { shop: true },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ shopId: m.shopId, shopName: m.shop.name, role: m.role }));
}
