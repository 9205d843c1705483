// Revocable sign-in sessions (issue 15 item 4). A session starts at sign-in with an absolute
// end SESSION_LIFETIME_MS later that is never renewed, however active the person is; the cookie
// itself also lapses after SESSION_IDLE_SECONDS without a request (next-auth renews it on use).
// Signing out revokes the one session; "sign out everywhere" revokes every session of the user.
// Either way the live consoles of those sessions are told and dropped, on every node.
import type { Database } from "@/server/db/client";
import { disconnectSignInSessions } from "@/server/realtime/revoke-sessions";
import type { MemberContext } from "@/server/services/resolve-member";
import { SESSION_IDLE_HOURS, SESSION_LIFETIME_DAYS } from "@/shared/auth-schemas";

/** Absolute lifetime of a sign-in, from the moment the password was checked. */
export const SESSION_LIFETIME_MS = SESSION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;
/** Idle lifetime of the cookie: next-auth's maxAge, renewed by each request. */
export const SESSION_IDLE_SECONDS = SESSION_IDLE_HOURS * 60 * 60;

export async function startSignInSession(db: Database, input: { userId: string; now?: Date }): Promise<{ sessionId: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  // Sessions that can never sign in again are of no use; a sign-in is a good moment to drop the
  // user's old ones so the table stays the size of the live sessions.
  await db.signInSession.deleteMany({ where: { userId: input.userId, OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } });
  const session = await db.signInSession.create({
    data: { userId: input.userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  });
  return { sessionId: session.id, expiresAt: session.expiresAt };
}

/** Sign-out: this one session ends. Idempotent; an unknown id revokes nothing. */
export async function revokeSignInSession(db: Database, input: { sessionId: string; now?: Date }): Promise<boolean> {
  const { count } = await db.signInSession.updateMany({
    where: { id: input.sessionId, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  disconnectSignInSessions([input.sessionId], "You signed out.", "signed_out");
  return count > 0;
}

/** "Sign out everywhere": every session of the acting user ends, this one included. */
export async function revokeAllSignInSessions(db: Database, input: { actor: MemberContext; now?: Date }): Promise<{ revokedSessions: number }> {
  const now = input.now ?? new Date();
  const sessions = await db.signInSession.findMany({
    where: { userId: input.actor.userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  const { count } = await db.signInSession.updateMany({ where: { userId: input.actor.userId, revokedAt: null }, data: { revokedAt: now } });
  disconnectSignInSessions(sessions.map((session) => session.id), "You signed out on every device.", "signed_out_everywhere");
  return { revokedSessions: count };
}

/**
 * ACCOUNT-1, ACCOUNT-2: a new password ends the user's sign-in sessions, all of them after a
 * reset, all but the one in use after a change; their open consoles are told and dropped.
 */
export async function revokeUserSignInSessions(
  db: Database,
  input: { userId: string; exceptSessionId?: string; message: string; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const where = { userId: input.userId, revokedAt: null, ...(input.exceptSessionId ? { id: { not: input.exceptSessionId } } : {}) };
  const sessions = await db.signInSession.findMany({ where: { ...where, expiresAt: { gt: now } }, select: { id: true } });
  const { count } = await db.signInSession.updateMany({ where, data: { revokedAt: now } });
  disconnectSignInSessions(sessions.map((session) => session.id), input.message, "password_changed");
  return count;
}
