// Who is acting, re-read from the database on every request and socket connection, so that a
// role change, deactivation or deletion (TEAM-3) takes effect at once, whatever the JWT says.
// A session cookie also names its sign-in session and the member's session version (issue 15
// item 4): a revoked or expired session, or a version raised by deactivation or reactivation
// since the cookie was issued, is not signed in.
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
  /** NF-5: the member's default language (SET-1; the user's when unset) and the shop's; they choose the console's locale. */
  defaultLanguage?: string;
  shopDefaultLanguage?: string;
  /** The sign-in session behind a cookie; absent for contexts built without one (tests, jobs). */
  sessionId?: string;
  /** Its absolute end: a console socket opened with it is closed then. */
  sessionExpiresAt?: Date;
}

/** What a session cookie claims; every field is checked against the database. */
export interface SessionClaims {
  userId?: string;
  shopId?: string;
  sessionId?: string;
  sessionVersion?: number;
}

export async function resolveMemberContext(
  db: Database,
  identity: { userId: string; shopId: string },
): Promise<MemberContext | null> {
  return (await loadActiveMember(db, identity))?.context ?? null;
}

/**
 * The member a session cookie signs in, or null: the sign-in session must exist for this user,
 * be neither revoked nor past its absolute end, and the member's session version must be the
 * one the cookie was issued with.
 */
export async function resolveSessionMember(db: Database, claims: SessionClaims, now: Date = new Date()): Promise<MemberContext | null> {
  const { userId, shopId, sessionId, sessionVersion } = claims;
  if (!userId || !shopId || !sessionId || typeof sessionVersion !== "number" || !UUID.test(sessionId) || !UUID.test(shopId)) return null;
  const [session, loaded] = await Promise.all([
    db.signInSession.findUnique({ where: { id: sessionId } }),
    loadActiveMember(db, { userId, shopId }),
  ]);
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return null;
  if (!loaded || loaded.sessionVersion !== sessionVersion) return null;
  return { ...loaded.context, sessionId, sessionExpiresAt: session.expiresAt };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadActiveMember(
  db: Database,
  identity: { userId: string; shopId: string },
): Promise<{ context: MemberContext; sessionVersion: number } | null> {
  if (!UUID.test(identity.userId) || !UUID.test(identity.shopId)) return null;
  const member = await db.member.findUnique({
    where: { shopId_userId: { shopId: identity.shopId, userId: identity.userId } },
    include: { user: true, shop: true },
  });
  if (!member || member.status !== "active" || member.deletedAt || member.user.deletedAt) return null;
  const context: MemberContext = {
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
    defaultLanguage: member.defaultLanguage || member.user.defaultLanguage,
    shopDefaultLanguage: member.shop.defaultLanguage,
  };
  return { context, sessionVersion: member.sessionVersion };
}

/** The session version a cookie for this membership is issued with; null without an active one. */
export async function findSessionVersion(db: Database, identity: { userId: string; shopId: string }): Promise<number | null> {
  return (await loadActiveMember(db, identity))?.sessionVersion ?? null;
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
