// MAIL-1: the outbox is bounded. Mail older than OUTBOX_RETENTION_DAYS goes, each shop keeps at
// most OUTBOX_MAX_PER_SHOP (mail of no shop counts as one more "shop"), and secret links are
// removed from the stored text once they stop working (they would only be a liability).
// Run hourly by the job runner (prune_outbox); idempotent, safe on any node.
import { removeLinks } from "@/core/mail/outbox-policy";
import type { Database } from "@/server/db/client";

export const OUTBOX_RETENTION_DAYS = 90;
export const OUTBOX_MAX_PER_SHOP = 500;

export async function pruneOutbox(
  db: Database,
  input: { now?: Date; retentionDays?: number; maxPerShop?: number } = {},
): Promise<{ deletedOld: number; deletedOverLimit: number; redacted: number }> {
  const now = input.now ?? new Date();
  const retentionDays = input.retentionDays ?? OUTBOX_RETENTION_DAYS;
  const maxPerShop = input.maxPerShop ?? OUTBOX_MAX_PER_SHOP;
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const old = await db.outgoingMail.deleteMany({ where: { createdAt: { lt: cutoff } } });
  const overLimit = await db.$executeRaw`
    DELETE FROM "OutgoingMail" WHERE id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY "shopId" ORDER BY "createdAt" DESC, id DESC) AS position
        FROM "OutgoingMail"
      ) ranked WHERE position > ${maxPerShop}
    )`;

  let redacted = 0;
  for (;;) {
    const expired = await db.outgoingMail.findMany({
      where: { secretsExpireAt: { lte: now }, NOT: { secretLinks: { isEmpty: true } } },
      select: { id: true, text: true, links: true, secretLinks: true },
      take: 200,
    });
    if (expired.length === 0) break;
    for (const row of expired) {
      const copy = removeLinks(row, row.secretLinks);
      await db.outgoingMail.update({ where: { id: row.id }, data: { text: copy.text, links: copy.links, secretLinks: [], secretsExpireAt: null } });
    }
    redacted += expired.length;
  }
  return { deletedOld: old.count, deletedOverLimit: overLimit, redacted };
}
