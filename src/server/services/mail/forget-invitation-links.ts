// MAIL-1: an invitation link in the outbox is a secret only as long as it works. When the
// invitation is resent (a new token), revoked or accepted, the links in its earlier mails stop
// working; they are removed from the stored copies at once rather than kept until they expire.
import { removeLinks } from "@/core/mail/outbox-policy";
import type { Database } from "@/server/db/client";

export async function forgetInvitationLinks(db: Database, input: { shopId: string; email: string }): Promise<number> {
  const rows = await db.outgoingMail.findMany({
    where: { shopId: input.shopId, kind: "invitation", recipient: input.email, NOT: { secretLinks: { isEmpty: true } } },
    select: { id: true, text: true, links: true, secretLinks: true },
  });
  for (const row of rows) {
    const copy = removeLinks(row, row.secretLinks);
    await db.outgoingMail.update({ where: { id: row.id }, data: { text: copy.text, links: copy.links, secretLinks: [], secretsExpireAt: null } });
  }
  return rows.length;
}
