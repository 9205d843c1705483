// CHAT-2, NF-3: store an image or video that a member or a buyer will send. The type comes from
// the first bytes (src/core/uploads), the limit from the type; the bytes stream to the storage
// first (never whole in memory, issue 15) and the Upload row second, so a row never points at a
// missing file (a failed insert removes the file). Ids are random UUIDs: the URL /api/uploads/<id> is the capability to read the file.
import crypto from "node:crypto";
import { AppError } from "@/core/errors";
import { detectContentType, EMPTY_FILE_MESSAGE, tooLargeMessage, UNSUPPORTED_TYPE_MESSAGE, UPLOAD_LIMITS, type UploadMimeType } from "@/core/uploads/detect-content-type";
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

/** Bytes needed to recognise every accepted type (WebM's DocType sits within the first 64). */
const HEAD_BYTES = 64;

function refusal(code: "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "BAD_INPUT", message: string): AppError {
  return new AppError(code, message, { file: [message] });
}

/** The first `HEAD_BYTES` (or all, when shorter) and an iterator over everything, head included. */
async function splitHead(chunks: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let length = 0;
  let isDone = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    first.push(next.value);
    length += next.value.byteLength;
  }
  const head = Buffer.concat(first);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    if (isDone) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}

/** Passes the chunks on and fails the moment their total passes `maxBytes`. */
async function* limited(chunks: AsyncIterable<Uint8Array>, maxBytes: number, message: string): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw refusal("PAYLOAD_TOO_LARGE", message);
    yield chunk;
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * Issue 15: stores an upload from a stream of chunks (the multipart file part as it arrives).
 * The type is decided from the first bytes, then the rest streams to storage under that type's
 * limit; the file is never held in memory, and a refusal (type, size) leaves nothing stored.
 */
export async function createUploadFromStream(
  db: Database,
  input: { storage: UploadStorage; shopId: string; uploader: Uploader; fileName: string | null | undefined; chunks: AsyncIterable<Uint8Array>; now?: Date },
): Promise<UploadDto> {
  const { head, all } = await splitHead(input.chunks);
  if (head.byteLength === 0) throw refusal("BAD_INPUT", EMPTY_FILE_MESSAGE);
  const type = detectContentType(head);
  if (!type) throw refusal("UNSUPPORTED_MEDIA_TYPE", UNSUPPORTED_TYPE_MESSAGE);
  const { mimeType, kind } = type;
  const id = crypto.randomUUID();
  const storageKey = `media/${input.shopId}/${id}.${EXTENSIONS[mimeType]}`;
  const fileName = cleanFileName(input.fileName);
  const bounded = limited(all, UPLOAD_LIMITS[kind], tooLargeMessage(kind));
  let sizeBytes: number;
  if (input.storage.putStream) {
    sizeBytes = (await input.storage.putStream(storageKey, bounded)).size;
  } else {
    const bytes = await collect(bounded);
    await input.storage.put(storageKey, bytes);
    sizeBytes = bytes.byteLength;
  }
  try {
    await db.upload.create({
      data: {
        id,
        shopId: input.shopId,
        storageKey,
        mimeType,
        sizeBytes,
        fileName,
        uploadedBy: input.uploader.type === "member" ? `member:${input.uploader.memberId}` : `buyer:${input.uploader.buyerId}`,
        createdAt: input.now ?? new Date(),
      },
    });
  } catch (error) {
    await input.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return { uploadId: id, url: uploadUrl(id), mimeType, sizeBytes, fileName, kind };
}

/** The same from bytes already in memory (tests, jobs). */
export async function createUpload(
  db: Database,
  input: { storage: UploadStorage; shopId: string; uploader: Uploader; fileName: string | null | undefined; bytes: Uint8Array; now?: Date },
): Promise<UploadDto> {
  const { bytes, ...rest } = input;
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  return createUploadFromStream(db, { ...rest, chunks: once() });
}
