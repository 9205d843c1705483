// Serving an upload (CHAT-2): the stored type (decided from the bytes at upload), and the byte
// range a video player asks for. Access is by the unguessable id in the URL, like a signed
// link: buyers' widgets and agents' consoles both render <img>/<video> from it without cookies.
import { parseRange, type ByteRange } from "@/core/uploads/parse-range";
import type { Database } from "@/server/db/client";
import type { UploadStorage } from "@/server/services/uploads/storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OpenedUpload =
  | { status: "not_found" }
  | { status: "unsatisfiable"; size: number }
  | { status: "ok"; mimeType: string; fileName: string; size: number; range: ByteRange | null; stream: ReadableStream<Uint8Array> };

export async function openUpload(db: Database, input: { storage: UploadStorage; uploadId: string; rangeHeader?: string | null }): Promise<OpenedUpload> {
  if (!UUID.test(input.uploadId)) return { status: "not_found" };
  const upload = await db.upload.findUnique({ where: { id: input.uploadId } });
  if (!upload) return { status: "not_found" };
  const stat = await input.storage.stat(upload.storageKey);
  if (!stat) return { status: "not_found" };
  const range = parseRange(input.rangeHeader, stat.size);
  if (range === "unsatisfiable") return { status: "unsatisfiable", size: stat.size };
  const object = await input.storage.get(upload.storageKey, range ?? undefined);
  if (!object) return { status: "not_found" };
  return { status: "ok", mimeType: upload.mimeType, fileName: upload.fileName, size: stat.size, range, stream: object.stream };
}
