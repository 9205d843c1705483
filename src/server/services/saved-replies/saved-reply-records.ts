// AUTO-2: what every saved-reply service shares: which rows a member sees (the shop's and their
// own, never another member's personal ones), whether they may change one, and the DTO.
import { AppError } from "@/core/errors";
import { assertCan, can } from "@/core/permissions";
import { manageActionFor, PERSONAL_LIMIT, SHOP_WIDE_LIMIT, type SavedReplyScope } from "@/core/saved-replies";
import type { Prisma, SavedReply } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import type { SavedReplyDto } from "@/shared/saved-replies";

export type SavedReplyMember = Pick<MemberContext, "memberId" | "shopId" | "role" | "chatAccessRoles">;
type Tx = Prisma.TransactionClient | Database;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function scopeOf(reply: Pick<SavedReply, "ownerId">): SavedReplyScope {
  return reply.ownerId === null ? "shop" : "personal";
}

/** The rows of one scope (or both) the member may see. */
export function visibleWhere(member: SavedReplyMember, scope: SavedReplyScope | "all" = "all"): Prisma.SavedReplyWhereInput {
  if (scope === "shop") return { shopId: member.shopId, ownerId: null };
  if (scope === "personal") return { shopId: member.shopId, ownerId: member.memberId };
  return { shopId: member.shopId, OR: [{ ownerId: null }, { ownerId: member.memberId }] };
}

export function ownerIdFor(member: SavedReplyMember, scope: SavedReplyScope): string | null {
  return scope === "shop" ? null : member.memberId;
}

export function canManage(member: SavedReplyMember, reply: Pick<SavedReply, "ownerId">): boolean {
  return can(member, manageActionFor(scopeOf(reply)));
}

export function toSavedReplyDto(member: SavedReplyMember, reply: SavedReply): SavedReplyDto {
  return {
    id: reply.id,
    scope: scopeOf(reply),
    shortcut: reply.shortcut,
    title: reply.title,
    body: reply.body,
    canManage: canManage(member, reply),
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}

/** A reply the member sees and may change; another member's personal one is "not found". */
export async function loadManageableReply(db: Tx, member: SavedReplyMember, id: string): Promise<SavedReply> {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "That saved reply was not found.");
  const reply = await db.savedReply.findFirst({ where: { id, ...visibleWhere(member) } });
  if (!reply) throw new AppError("NOT_FOUND", "That saved reply was not found.");
  assertCan(member, manageActionFor(scopeOf(reply)));
  return reply;
}

export function limitFor(scope: SavedReplyScope): number {
  return scope === "shop" ? SHOP_WIDE_LIMIT : PERSONAL_LIMIT;
}

/** Refuses a change that would take the scope past its bound (every `/` search reads them all). */
export async function assertRoomFor(db: Tx, member: SavedReplyMember, scope: SavedReplyScope, adding: number): Promise<void> {
  if (adding <= 0) return;
  const count = await db.savedReply.count({ where: visibleWhere(member, scope) });
  const limit = limitFor(scope);
  if (count + adding > limit) {
    throw new AppError("BAD_INPUT", `A ${scope === "shop" ? "shop" : "member"} may keep at most ${limit} ${scope === "shop" ? "shop-wide" : "personal"} saved replies.`);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error as { code?: string }).code === "P2002";
}

export function shortcutTaken(shortcut: string, scope: SavedReplyScope): AppError {
  return new AppError("CONFLICT", `There is already a ${scope === "shop" ? "shop-wide" : "personal"} saved reply with the shortcut /${shortcut}.`, {
    shortcut: ["This shortcut is taken in this scope."],
  });
}
