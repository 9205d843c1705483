// TEAM-2: what the accept page shows for a token. Expired, used, revoked and unknown links each
// say so in words; nothing is changed by looking.
import type { Database } from "@/server/db/client";
import type { Invitation, Shop } from "@/generated/prisma/client";
import { hashInvitationToken } from "@/server/services/team/invitation-token";
import type { InvitationViewDto } from "@/shared/team";

export const INVITATION_MESSAGES = {
  invalid: "This invitation link is not valid. It may have been replaced by a newer invitation email (use the most recent one), or it was copied incompletely.",
  revoked: "This invitation was revoked by the shop. Ask the shop owner to invite you again.",
  used: "This invitation link has already been used. Sign in with your email and password.",
  expired: "This invitation link has expired: links are valid for 120 hours. Ask the shop owner to send you a new one.",
} as const;

export type InvitationProblem = keyof typeof INVITATION_MESSAGES;

/** The reason a token cannot be used now, or null when it can. */
export function invitationProblem(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt"> | null, now: Date): InvitationProblem | null {
  if (!invitation) return "invalid";
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

export async function findInvitationByToken(db: Database, token: string): Promise<(Invitation & { shop: Shop }) | null> {
  // A real token is 43 base64url characters; anything else cannot match, so skip the query.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, include: { shop: true } });
}

export async function describeInvitation(db: Database, input: { token: string; now?: Date }): Promise<InvitationViewDto> {
  const now = input.now ?? new Date();
  const invitation = await findInvitationByToken(db, input.token);
  const problem = invitationProblem(invitation, now);
  if (problem || !invitation) {
    return { status: problem ?? "invalid", message: INVITATION_MESSAGES[problem ?? "invalid"], shopName: invitation?.shop.name ?? null };
  }
  const user = await db.user.findUnique({ where: { email: invitation.email }, include: { memberships: { where: { deletedAt: null }, orderBy: { createdAt: "desc" }, take: 1 } } });
  const hasAccount = Boolean(user && !user.deletedAt && user.passwordHash);
  return {
    status: "pending",
    shopName: invitation.shop.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    account: hasAccount ? "existing_account" : "new_account",
    // An existing user keeps the nickname they use elsewhere unless they choose another.
    suggestedNickname: hasAccount ? (user?.memberships[0]?.nickname ?? "") : "",
  };
}
