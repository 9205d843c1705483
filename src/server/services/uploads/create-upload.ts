// CHAT-2, NF-3: store an image or video that a member or a buyer will send. The type comes from
// the bytes (src/core/uploads), the limit from the type; the bytes go to the storage first and
// the Upload row second, so a row never points at a missing file (a failed insert removes the
// file). Ids are random UUIDs: the URL /api/uploads/<id> is the capability to read the file.
import crypto from "node:crypto";
import { AppError } from "@/core/errors";
import { checkUpload, type UploadMimeType } from "@/core/uploads/detect-content-type";
import type { Database } from "@/server/db/client";
import { uploadUrl } from "@/server/services/messaging/resolve-content";
import type { UploadStorage } from "@/server/services/uploads/storage";
import type { UploadDto } from "@/shared/uploads";

const EXTENSIONS: Record<UploadMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

export type Uploader = { type: "member"; memberId: string } | { type: "buyer"; buyerId: string };

/** A display name only: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return cleaned.length > 0 ? cleaned : "upload";
}

export async function createUpload(
  db: Database,
  input: { storage: UploadStorage; shopId: string; uploader: Uploader; fileName: string | null | undefined; bytes: Uint8Array; now?: Date },
): Promise<UploadDto> {
  const check = checkUpload(input.bytes);
  if (!check.ok) {
    const code = check.reason === "too_large" ? "PAYLOAD_TOO_LARGE" : check.reason === "unsupported_type" ? "UNSUPPORTED_MEDIA_TYPE" : "BAD_INPUT";
    throw new AppError(code, check.message, { file: [check.message] });
  }
  const { mimeType, kind } = check.type;
  const id = crypto.randomUUID();
  const storageKey = `media/${input.shopId}/${id}.${EXTENSIONS[mimeType]}`;
  const fileName = cleanFileName(input.fileName);
  await input.storage.put(storageKey, input.bytes);
  try {
    await db.upload.create({
      data: {
        id,
        shopId: input.shopId,
        storageKey,
        mimeType,
        sizeBytes: input.bytes.byteLength,
        fileName,
        uploadedBy: input.uploader.type === "member" ? `member:${input.uploader.memberId}` : `buyer:${input.uploader.buyerId}`,
        createdAt: input.now ?? new Date(),
      },
    });
  } catch (error) {
    await input.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return { uploadId: id, url: uploadUrl(id), mimeType, sizeBytes: input.bytes.byteLength, fileName, kind };
}
