// Issue 15 (NF-3): an upload that no sent message refers to a day after it was made is never
// going to be sent (the widget and the console send right after uploading), so it is deleted,
// file and row; so are temporary files of writes that never finished. Run by the job runner
// (JOB_DELETE_UNSENT_UPLOADS, hourly); idempotent and bounded per run.
import type { Database } from "@/server/db/client";
import type { UploadStorage } from "@/server/services/uploads/storage";

export const UNSENT_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export async function deleteUnsentUploads(
  db: Database,
  input: { storage: UploadStorage; now: Date; maxAgeMs?: number },
): Promise<{ deleted: number; temporaries: number }> {
  const cutoff = new Date(input.now.getTime() - (input.maxAgeMs ?? UNSENT_UPLOAD_MAX_AGE_MS));
  // An image or video message keeps its upload's id in payload.uploadId (resolve-content.ts).
  const stale = await db.$queryRaw<Array<{ id: string; storageKey: string }>>`
    SELECT u."id", u."storageKey"
    FROM "Upload" u
    WHERE u."createdAt" < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM "Message" m
        WHERE m."shopId" = u."shopId" AND m."kind" IN ('image', 'video') AND m."payload"->>'uploadId' = u."id"::text
      )
    ORDER BY u."createdAt"
    LIMIT ${BATCH}`;
  let deleted = 0;
  for (const upload of stale) {
    // The row first: once it is gone nothing can refer to the file, then the file.
    const removed = await db.upload.deleteMany({ where: { id: upload.id } });
    if (removed.count === 0) continue;
    await input.storage.delete(upload.storageKey);
    deleted += 1;
  }
  const temporaries = (await input.storage.deleteStaleTemporaries?.(cutoff)) ?? 0;
  return { deleted, temporaries };
}
