// The signed-in member, re-read from the database, with the cookie's sign-in session checked
// (revoked, expired, stale version: not signed in). Server components ask next-auth through
// Next's request scope; route handlers read the session cookie of the request they were given,
// with the same rule the socket handshake uses.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authenticateSessionCookie } from "@/server/auth/session-cookie";
import { getAuthOptions } from "@/server/auth/auth-options";
import { getAuthSecret } from "@/server/auth/secret";
import { getDb } from "@/server/db/client";
import { resolveSessionMember, type MemberContext } from "@/server/services/resolve-member";

/**
 * For server components and layouts (no Request object at hand). Memoised per server render
 * (React's cache): the i18n request config (NF-5) and the page ask for the same member.
 */
export const getCurrentMember = cache(async (): Promise<MemberContext | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session) return null;
  return resolveSessionMember(getDb(), session);
});

/** For route handlers: the member named by this request's session cookie. */
export async function getRequestMember(request: Request): Promise<MemberContext | null> {
  return authenticateSessionCookie(getDb(), request.headers.get("cookie") ?? undefined, getAuthSecret());
}
