// SET-1: avatar upload. The type is decided by the file's first bytes (png, jpeg, webp, gif),
// never by its name or the browser's claim (NF-3); 2 MB at most. Files live under
// DATA_DIR/uploads/avatars with random names and are served by /api/team/avatars/<name>,
// because buyers see avatars too (TEAM-6).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { toPersonalSettingsDto } from "@/server/services/team/get-personal-settings";
import { lockShopMember, memberChanged } from "@/server/services/team/team-records";
import { AVATAR_MAX_BYTES, type PersonalSettingsDto } from "@/shared/team";

export const AVATAR_URL_PREFIX = "/api/team/avatars/";
const EXTENSIONS = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" } as const;
type AvatarType = keyof typeof EXTENSIONS;
const FILE_NAME = /^[a-f0-9-]{36}-[a-f0-9]{16}\.(png|jpg|webp|gif)$/;

/** The image type from its magic bytes, or null for anything else. */
export function detectImageType(bytes: Uint8Array): AvatarType | null {
  const startsWith = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "image/gif";
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export function avatarDirectory(dataDir: string): string {
  return path.join(dataDir, "uploads", "avatars");
}

export async function saveMemberAvatar(
  db: Database,
  input: { actor: MemberContext; bytes: Uint8Array; dataDir: string },
): Promise<ServiceResult<PersonalSettingsDto>> {
  assertCan(input.actor, "personal_settings:update");
  if (input.bytes.byteLength === 0) throw new AppError("BAD_INPUT", "Choose an image file.", { avatar: ["Choose an image file"] });
  if (input.bytes.byteLength > AVATAR_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "The image is larger than 2 MB.", { avatar: ["Use an image of 2 MB or less"] });
  }
  const type = detectImageType(input.bytes);
  if (!type) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The file is not a PNG, JPEG, WebP or GIF image.", { avatar: ["Use a PNG, JPEG, WebP or GIF image"] });
  }
  const directory = avatarDirectory(input.dataDir);
  await fs.mkdir(directory, { recursive: true });
  const fileName = `${input.actor.memberId}-${crypto.randomBytes(8).toString("hex")}.${EXTENSIONS[type]}`;
  await fs.writeFile(path.join(directory, fileName), input.bytes);

  let previousUrl: string | null = null;
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.actor.memberId);
    previousUrl = member.avatarUrl;
    return tx.member.update({ where: { id: member.id }, data: { avatarUrl: `${AVATAR_URL_PREFIX}${fileName}` }, include: { user: true } });
  }).catch(async (error: unknown) => {
    await fs.rm(path.join(directory, fileName), { force: true });
    throw error;
  });
  await removeAvatarFile(input.dataDir, previousUrl);
  return serviceResult(toPersonalSettingsDto(updated), [memberChanged(updated.shopId, updated.id, "updated")]);
}

export async function removeMemberAvatar(db: Database, input: { actor: MemberContext; dataDir: string }): Promise<ServiceResult<PersonalSettingsDto>> {
  assertCan(input.actor, "personal_settings:update");
  let previousUrl: string | null = null;
  const updated = await db.$transaction(async (tx) => {
    const member = await lockShopMember(tx, input.actor.shopId, input.actor.memberId);
    previousUrl = member.avatarUrl;
    return tx.member.update({ where: { id: member.id }, data: { avatarUrl: null }, include: { user: true } });
  });
  await removeAvatarFile(input.dataDir, previousUrl);
  return serviceResult(toPersonalSettingsDto(updated), [memberChanged(updated.shopId, updated.id, "updated")]);
}

async function removeAvatarFile(dataDir: string, avatarUrl: string | null): Promise<void> {
  if (!avatarUrl?.startsWith(AVATAR_URL_PREFIX)) return;
  const fileName = avatarUrl.slice(AVATAR_URL_PREFIX.length);
  if (FILE_NAME.test(fileName)) await fs.rm(path.join(avatarDirectory(dataDir), fileName), { force: true });
}

/** Public: the bytes and type of a stored avatar, or null. Names outside the pattern never reach the disk. */
export async function readAvatarFile(dataDir: string, fileName: string): Promise<{ bytes: Buffer; contentType: AvatarType } | null> {
  if (!FILE_NAME.test(fileName)) return null;
  const bytes = await fs.readFile(path.join(avatarDirectory(dataDir), fileName)).catch(() => null);
  if (!bytes) return null;
  const contentType = detectImageType(bytes);
  return contentType ? { bytes, contentType } : null;
}
