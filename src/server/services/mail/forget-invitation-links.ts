// MAIL-1: an invitation link in the outbox is a secret only as long as it works. When the
// invitation is resent (a new token), revoked or accepted, the links in its earlier mails stop
// working; they are removed from the stored copies at once rather than kept until they expire.
// The same for an email-verification link once it was used (SHOP-3), in every shop's outbox.
import { removeLinks, type MailKind } from "@/core/mail/outbox-policy";
import type { Database } from "@/server/db/client";

export async function forgetInvitationLinks(db: Database, input: { shopId: string; email: string }): Promise<number> {
  return forgetSecretLinks(db, { ...input, kind: "invitation" });
}

export async function forgetSecretLinks(db: Database, input: { kind: MailKind; email: string; shopId?: string }): Promise<number> {
  const rows = await db.outgoingMail.findMany({
    where: { ...(input.shopId ? { shopId: input.shopId } : {}), kind: input.kind, recipient: input.email, NOT: { secretLinks: { isEmpty: true } } },
    take: 500,
    select: { id: true, text: true, links: true, secretLinks: true },
  });
  for (const row of rows) {
    const copy = removeLinks(row, row.secretLinks);
    await db.outgoingMail.update({ where: { id: row.id }, data: { text: copy.text, links: copy.links, secretLinks: [], secretsExpireAt: null } });
  }
  return rows.length;
}
