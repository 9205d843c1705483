// Issue 10 item 2: what the outbox keeps of an outgoing mail, and who sees which links. Pure.
//
// A link that carries a secret (an invitation or password-reset token) is kept in the outbox
// only when the outbox is the way the person gets it: the mail did not leave the server (no
// SMTP_URL, or the mail server refused it) and the mail is of a kind whose link the shop may
// hand on. Password-reset links are never kept: an owner who could read an agent's reset link
// could take over the agent's account. A kept secret link is forgotten when it stops working.

export const MAIL_KINDS = ["invitation", "password_reset", "email_verification", "other"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type MailOutcome = "sent" | "saved" | "failed";

/** What replaces a link the outbox does not keep. */
export const REMOVED_LINK = "[link removed]";

/** Kinds whose kept links only readers who manage invitations (the owner) see. */
const OWNER_ONLY_LINKS: ReadonlySet<string> = new Set(["invitation", "email_verification"]);

/** Kinds whose secret links are never stored, whatever happened to the mail. */
const NEVER_KEPT: ReadonlySet<MailKind> = new Set(["password_reset"]);

export function extractLinks(text: string): string[] {
  return [...new Set([...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]))];
}

export interface OutboxCopy {
  text: string;
  links: string[];
  /** The secret links still in `text` and `links`. */
  secretLinks: string[];
}

/** Whether the outbox keeps the secret links of a mail of this kind with this outcome. */
export function keepsSecretLinks(kind: MailKind, outcome: MailOutcome): boolean {
  return outcome !== "sent" && !NEVER_KEPT.has(kind);
}

/** Removes the given links from a stored mail's text and link list. */
export function removeLinks(copy: OutboxCopy, remove: readonly string[]): OutboxCopy {
  if (remove.length === 0) return copy;
  // Longest first, so a link that is a prefix of another does not leave the other's tail.
  const ordered = [...remove].sort((a, b) => b.length - a.length);
  let text = copy.text;
  for (const link of ordered) text = text.split(link).join(REMOVED_LINK);
  return {
    text,
    links: copy.links.filter((link) => !remove.includes(link)),
    secretLinks: copy.secretLinks.filter((link) => !remove.includes(link)),
  };
}

/** The copy of a mail the outbox stores. */
export function outboxCopy(input: { kind: MailKind; outcome: MailOutcome; text: string; secretLinks?: readonly string[] }): OutboxCopy {
  const links = extractLinks(input.text);
  const secretLinks = (input.secretLinks ?? []).filter((link) => input.text.includes(link));
  const copy: OutboxCopy = { text: input.text, links, secretLinks };
  return keepsSecretLinks(input.kind, input.outcome) ? copy : removeLinks(copy, secretLinks);
}

/**
 * The mail as one reader sees it: secret links past their expiry are gone for everyone, and
 * invitation and email-verification links only for readers who may manage invitations (an
 * admin sees that the mail went out, not the link that would let them join as the invited
 * person or confirm the owner's address).
 */
export function visibleCopy(
  mail: OutboxCopy & { kind: string; secretsExpireAt: Date | null },
  reader: { now: Date; mayManageInvitations: boolean },
): OutboxCopy {
  const expired = mail.secretsExpireAt !== null && mail.secretsExpireAt <= reader.now;
  const hidden = expired || (OWNER_ONLY_LINKS.has(mail.kind) && !reader.mayManageInvitations);
  return hidden ? removeLinks(mail, mail.secretLinks) : mail;
}

/**
 * Whether a mail is printed in full to the server log: there is no mail server (SMTP_URL unset)
 * and no shop's outbox shows its links, so the log is the only place the operator finds them.
 * A mail the SMTP server refused is not printed: the person asks again, the owner resends.
 */
export function needsServerLog(input: { outcome: MailOutcome; shopId: string | null; kind: MailKind; secretLinks: readonly string[] }): boolean {
  if (input.outcome !== "saved") return false;
  return input.shopId === null || (input.secretLinks.length > 0 && !keepsSecretLinks(input.kind, input.outcome));
}
