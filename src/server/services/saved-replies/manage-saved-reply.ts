// AUTO-2: create, edit and delete a saved reply. Shop-wide ones need saved_reply:manage_shop
// (owner, admin), personal ones saved_reply:manage_own and are always the acting member's own.
import { assertCan } from "@/core/permissions";
import { manageActionFor, type SavedReplyScope } from "@/core/saved-replies";
import type { Database } from "@/server/db/client";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import type { SavedReplyDto } from "@/shared/saved-replies";
import {
  assertRoomFor,
  isUniqueViolation,
  loadManageableReply,
  ownerIdFor,
  scopeOf,
  shortcutTaken,
  toSavedReplyDto,
  type SavedReplyMember,
} from "./saved-reply-records";

export interface SavedReplyFields {
  shortcut: string;
  title: string;
  body: string;
}

export async function createSavedReply(
  db: Database,
  input: { member: SavedReplyMember; scope: SavedReplyScope } & SavedReplyFields,
): Promise<ServiceResult<SavedReplyDto>> {
  const { member, scope } = input;
  assertCan(member, manageActionFor(scope));
  await assertRoomFor(db, member, scope, 1);
  try {
    const reply = await db.savedReply.create({
      data: { shopId: member.shopId, ownerId: ownerIdFor(member, scope), shortcut: input.shortcut, title: input.title, body: input.body },
    });
    return serviceResult(toSavedReplyDto(member, reply));
  } catch (error) {
    if (isUniqueViolation(error)) throw shortcutTaken(input.shortcut, scope);
    throw error;
  }
}

export async function updateSavedReply(
  db: Database,
  input: { member: SavedReplyMember; id: string } & Partial<SavedReplyFields>,
): Promise<ServiceResult<SavedReplyDto>> {
  const { member } = input;
  const existing = await loadManageableReply(db, member, input.id);
  try {
    const reply = await db.savedReply.update({
      where: { id: existing.id },
      data: { shortcut: input.shortcut, title: input.title, body: input.body },
    });
    return serviceResult(toSavedReplyDto(member, reply));
  } catch (error) {
    if (isUniqueViolation(error)) throw shortcutTaken(input.shortcut ?? existing.shortcut, scopeOf(existing));
    throw error;
  }
}

export async function deleteSavedReply(db: Database, input: { member: SavedReplyMember; id: string }): Promise<ServiceResult<null>> {
  const existing = await loadManageableReply(db, input.member, input.id);
  await db.savedReply.delete({ where: { id: existing.id } });
  return serviceResult(null);
}
