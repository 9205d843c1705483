// MAIL-1: the shop's outbox, newest first, a page at a time. Only the actor's shop: the shop id
// comes from the signed-in member, never from the request. Invitation links are shown only to
// members who may manage invitations; links past their expiry to no one.
import { visibleCopy } from "@/core/mail/outbox-policy";
import { assertCan, can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import type { OutboxMailDto, OutboxPageDto } from "@/shared/outbox";

export const OUTBOX_PAGE_SIZE = 20;

export async function listOutbox(db: Database, input: { actor: MemberContext; page?: number; now?: Date }): Promise<OutboxPageDto> {
  assertCan(input.actor, "mail:read_outbox");
  const now = input.now ?? new Date();
  const where = { shopId: input.actor.shopId };
  const total = await db.outgoingMail.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1) || 1), pageCount);
  const rows = await db.outgoingMail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
  });
  const reader = { now, mayManageInvitations: can(input.actor, "team:manage_invitations") };
  const mails = rows.map((row): OutboxMailDto => {
    const copy = visibleCopy(row, reader);
    return {
      id: row.id,
      kind: row.kind,
      recipient: row.recipient,
      subject: row.subject,
      text: copy.text,
      links: copy.links,
      status: row.status,
      failureReason: row.failureReason,
      linksExpireAt: copy.secretLinks.length > 0 && row.secretsExpireAt ? row.secretsExpireAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { mails, page, pageCount, total };
}
