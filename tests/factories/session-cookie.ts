// A next-auth session cookie as the sign-in route issues it (issue 15 item 4): it names a real
// sign-in session row and carries the member's current session version, so the server accepts
// it exactly as it accepts a browser's.
import { encode } from "next-auth/jwt";
import type { Database } from "../../src/server/db/client";
import { startSignInSession } from "../../src/server/services/sign-in-sessions";

export interface TestSessionCookie {
  cookie: string;
  sessionId: string;
  /** The JWT alone, for next-auth's `getServerSession` stand-ins. */
  token: string;
}

export async function signInCookie(
  db: Database,
  member: { userId: string; shopId: string },
  secret: string,
  options: { now?: Date } = {},
): Promise<TestSessionCookie> {
  const { sessionVersion } = await db.member.findUniqueOrThrow({ where: { shopId_userId: { shopId: member.shopId, userId: member.userId } } });
  const { sessionId } = await startSignInSession(db, { userId: member.userId, now: options.now });
  const token = await encode({ token: { userId: member.userId, shopId: member.shopId, sessionId, sessionVersion }, secret });
  return { cookie: `next-auth.session-token=${token}`, sessionId, token };
}
