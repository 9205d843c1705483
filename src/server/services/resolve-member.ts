// Who is acting, re-read from the database on every request and socket connection, so that a
// role change, deactivation or deletion (TEAM-3) takes effect at once, whatever the JWT says.
// A session cookie also names its sign-in session and the member's session version (issue 15
// item 4): a revoked or expired session, or a version raised by deactivation or reactivation
// since the cookie was issued, is not signed in.
import { Prisma } from "@/generated/prisma/client";
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
  if (!UUID.test(userId)) return null;
  // One statement for the member and the sign-in session: it runs on every request and socket.
  const [row] = await db.$queryRaw<Array<MemberRow & { sessionUserId: string | null; revokedAt: Date | null; expiresAt: Date | null }>>`
    SELECT ${memberColumns}, ss."userId"::text AS "sessionUserId", ss."revokedAt", ss."expiresAt"
    ${memberTables}
    LEFT JOIN "SignInSession" ss ON ss.id = ${sessionId}::uuid
    WHERE m."shopId" = ${shopId}::uuid AND m."userId" = ${userId}::uuid`;
  if (!row || row.sessionUserId === null || row.expiresAt === null) return null;
  if (row.sessionUserId !== userId || row.revokedAt || row.expiresAt <= now) return null;
  const loaded = toActiveMember(row);
  if (!loaded || loaded.sessionVersion !== sessionVersion) return null;
  return { ...loaded.context, sessionId, sessionExpiresAt: row.expiresAt };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A membership with its user and shop, as the statements here read it. */
interface MemberRow {
  memberId: string;
  userId: string;
  shopId: string;
  role: MemberRole;
  status: string;
  memberDeletedAt: Date | null;
  nickname: string;
  avatarUrl: string | null;
  acceptAutoAssign: boolean;
  memberLanguage: string;
  sessionVersion: number;
  email: string;
  userDeletedAt: Date | null;
  userLanguage: string;
  shopName: string;
  chatAccessRoles: MemberRole[];
  shopLanguage: string;
}

const memberColumns = Prisma.sql`m.id::text AS "memberId", m."userId"::text AS "userId", m."shopId"::text AS "shopId", m.role::text AS role,
    m.status::text AS status, m."deletedAt" AS "memberDeletedAt", m.nickname, m."avatarUrl", m."acceptAutoAssign",
    m."defaultLanguage" AS "memberLanguage", m."sessionVersion", u.email, u."deletedAt" AS "userDeletedAt",
    u."defaultLanguage" AS "userLanguage", sh.name AS "shopName", sh."chatAccessRoles"::text[] AS "chatAccessRoles",
    sh."defaultLanguage" AS "shopLanguage"`;

/** The tables memberColumns reads: the membership, its user and its shop. */
const memberTables = Prisma.sql`FROM "Member" m JOIN "User" u ON u.id = m."userId" JOIN "Shop" sh ON sh.id = m."shopId"`;

function toActiveMember(member: MemberRow): { context: MemberContext; sessionVersion: number } | null {
  if (member.status !== "active" || member.memberDeletedAt || member.userDeletedAt) return null;
  const context: MemberContext = {
    userId: member.userId,
    email: member.email,
    memberId: member.memberId,
    shopId: member.shopId,
    shopName: member.shopName,
    role: member.role,
    chatAccessRoles: member.chatAccessRoles,
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    acceptAutoAssign: member.acceptAutoAssign,
    defaultLanguage: member.memberLanguage || member.userLanguage,
    shopDefaultLanguage: member.shopLanguage,
  };
  return { context, sessionVersion: member.sessionVersion };
}

async function loadActiveMember(
  db: Database,
  identity: { userId: string; shopId: string },
): Promise<{ context: MemberContext; sessionVersion: number } | null> {
  if (!UUID.test(identity.userId) || !UUID.test(identity.shopId)) return null;
  const [member] = await db.$queryRaw<MemberRow[]>`
    SELECT ${memberColumns}
    ${memberTables}
    WHERE m."shopId" = ${identity.shopId}::uuid AND m."userId" = ${identity.userId}::uuid`;
  return member ? toActiveMember(member) : null;
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
