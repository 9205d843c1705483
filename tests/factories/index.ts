// Test data factories (STYLE: chatwoot's factories): sensible defaults, override what matters.
import crypto from "node:crypto";
import type { Database } from "../../src/server/db/client";
import { hashPassword } from "../../src/server/auth/password";
import type { MemberRole, MemberStatus } from "../../src/generated/prisma/enums";

const unique = () => crypto.randomBytes(4).toString("hex");

export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;

export async function createShop(db: Database, overrides: { name?: string; chatAccessRoles?: MemberRole[] } = {}) {
  return db.shop.create({
    data: {
      name: overrides.name ?? `Shop ${unique()}`,
      publicKey: `pk_test_${unique()}`,
      identitySecret: `secret_${unique()}`,
      chatAccessRoles: overrides.chatAccessRoles,
      settings: { create: {} },
    },
  });
}

export async function createMember(
  db: Database,
  options: {
    shopId: string;
    role?: MemberRole;
    status?: MemberStatus;
    email?: string;
    nickname?: string;
    maxCapacity?: number;
    acceptAutoAssign?: boolean;
    userId?: string;
    /** People made here count as having proven their address (as invited people have), unless false. */
    emailVerified?: boolean;
  },
) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const nickname = options.nickname ?? `agent_${unique()}`;
  const userId =
    options.userId ??
    (
      await db.user.create({
        data: { email: options.email ?? `${nickname}@example.test`.toLowerCase(), name: nickname, passwordHash: await testPasswordHash, emailVerifiedAt: options.emailVerified === false ? null : new Date() },
      })
    ).id;
  return db.member.create({
    data: {
      shopId: options.shopId,
      userId,
      role: options.role ?? "agent",
      status: options.status ?? "active",
      nickname,
      maxCapacity: options.maxCapacity ?? 200,
      acceptAutoAssign: options.acceptAutoAssign ?? true,
    },
    include: { user: true },
  });
}

export async function createBuyer(db: Database, options: { shopId: string; nickname?: string; externalId?: string; visitorId?: string }) {
  return db.buyer.create({
    data: {
      shopId: options.shopId,
      nickname: options.nickname ?? `buyer_${unique()}`,
      externalId: options.externalId,
      visitorId: options.visitorId ?? (options.externalId ? undefined : `visitor-${unique()}`),
    },
  });
}

/** A routing context with a fixed set of online members and a controllable clock. */
export function createTestRouting(options: { online?: string[]; now?: Date } = {}) {
  const online = new Set(options.online ?? []);
  let now = options.now ?? new Date();
  return {
    online,
    setNow(next: Date) {
      now = next;
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    routing: {
      presence: {
        connected: async () => {},
        disconnected: async () => {},
        heartbeat: async () => {},
        onlineMemberIds: async () => new Set(online),
        close: async () => {},
      },
      now: () => now,
    },
  };
}
