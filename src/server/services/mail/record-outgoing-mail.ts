// MAIL-1: every outgoing mail is recorded in the outbox, whether SMTP sent it, there was no
// SMTP server (saved), or the server refused it (failed, with the reason). What is stored of
// its links follows src/core/mail/outbox-policy.ts: a secret link only while the outbox is the
// way it reaches the person, never a password-reset link.
import { outboxCopy, type MailKind, type MailOutcome } from "@/core/mail/outbox-policy";
import type { Database } from "@/server/db/client";

export interface OutgoingMailRecord {
  shopId: string | null;
  kind: MailKind;
  recipient: string;
  subject: string;
  text: string;
  secretLinks: readonly string[];
  secretsExpireAt: Date | null;
  outcome: MailOutcome;
  failureReason?: string | null;
  now?: Date;
}

/** Stores the outbox copy; returns its id. */
export async function recordOutgoingMail(db: Database, input: OutgoingMailRecord): Promise<{ id: string; secretsKept: boolean }> {
  const copy = outboxCopy({ kind: input.kind, outcome: input.outcome, text: input.text, secretLinks: input.secretLinks });
  const secretsKept = copy.secretLinks.length > 0;
  const row = await db.outgoingMail.create({
    data: {
      shopId: input.shopId,
      kind: input.kind,
      recipient: input.recipient,
      subject: input.subject.slice(0, 500),
      text: copy.text,
      links: copy.links,
      secretLinks: copy.secretLinks,
      secretsExpireAt: secretsKept ? input.secretsExpireAt : null,
      status: input.outcome,
      failureReason: input.failureReason?.slice(0, 500) ?? null,
      createdAt: input.now ?? new Date(),
    },
    select: { id: true },
  });
  return { id: row.id, secretsKept };
}
