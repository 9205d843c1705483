// Loading and shaping team records, shared by the team services. Every lookup is scoped by the
// acting member's shop: a member or invitation of another shop is simply "not found" (SPEC §0).
import { z } from "zod";
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import type { Invitation, Member, Prisma, User } from "@/generated/prisma/client";
import { toConsole, type OutgoingEvent } from "@/server/realtime/publish";
import { rooms } from "@/server/realtime/rooms";
import type { MemberChangedEvent } from "@/shared/events";
import type { InvitationDto, TeamMemberDto } from "@/shared/team";

export type Tx = Prisma.TransactionClient | Database;

const ZId = z.uuid();

/** Ids arrive from URLs: anything that is not a UUID cannot name a record. */
export function assertId(id: string, what: string): void {
  if (!ZId.safeParse(id).success) throw new AppError("NOT_FOUND", `That ${what} does not exist.`);
}

/** A live (not deleted) member of the shop, with their user; NOT_FOUND otherwise. */
export async function findShopMember(db: Tx, shopId: string, memberId: string): Promise<Member & { user: User }> {
  assertId(memberId, "member");
  const member = await db.member.findFirst({ where: { id: memberId, shopId, deletedAt: null }, include: { user: true } });
  if (!member) throw new AppError("NOT_FOUND", "That member does not exist in this shop.");
  return member;
}

/**
 * Like findShopMember, but locks the row for the rest of the transaction first, so concurrent
 * changes to one member (two owners' tabs, an assignment) apply one after the other.
 */
export async function lockShopMember(tx: Prisma.TransactionClient, shopId: string, memberId: string): Promise<Member & { user: User }> {
  assertId(memberId, "member");
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Member" WHERE id = ${memberId}::uuid AND "shopId" = ${shopId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "That member does not exist in this shop.");
  return findShopMember(tx, shopId, memberId);
}

export function toTeamMemberDto(member: Member & { user: User }): TeamMemberDto {
  return {
    memberId: member.id,
    nickname: member.nickname,
    pendingNickname: member.pendingNickname,
    nicknameReview: member.nicknameReview,
    avatarUrl: member.avatarUrl,
    email: member.user.email,
    role: member.role,
    status: member.status === "active" ? "active" : "deactivated",
    maxCapacity: member.maxCapacity,
    openSessionCount: member.openSessionCount,
    acceptAutoAssign: member.acceptAutoAssign,
    defaultLanguage: member.defaultLanguage,
    joinedAt: member.createdAt.toISOString(),
  };
}

export function toInvitationDto(invitation: Invitation & { invitedBy: Pick<Member, "nickname"> | null }, now: Date): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    defaultLanguage: invitation.defaultLanguage,
    invitedBy: invitation.invitedBy?.nickname ?? null,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    isExpired: invitation.expiresAt.getTime() <= now.getTime(),
  };
}

/** TEAM-4: the team table and every console of the shop refresh the member. */
export function memberChanged(shopId: string, memberId: string, change: MemberChangedEvent["change"]): OutgoingEvent {
  return toConsole([rooms.shop(shopId)], "member.changed", { memberId, change });
}
