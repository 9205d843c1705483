// The member behind a next-auth session cookie, for socket handshakes (issue 2, item 6) and
// HTTP route handlers alike: the JWT must decode with our secret, its sign-in session must still
// be live and its session version current (issue 15 item 4). Reading the request's own Cookie
// header (rather than Next's request-scoped `cookies()`) keeps one rule for both transports and
// lets the real handlers run outside Next's request scope in the integration tests.
import { decode } from "next-auth/jwt";
import type { Database } from "@/server/db/client";
import { resolveSessionMember, type MemberContext } from "@/server/services/resolve-member";

const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

export async function authenticateSessionCookie(
  db: Database,
  cookieHeader: string | undefined,
  secret: string,
  now: Date = new Date(),
): Promise<MemberContext | null> {
  const token = SESSION_COOKIE_NAMES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
  if (!token) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims) return null;
  return resolveSessionMember(db, { userId: claims.userId, shopId: claims.shopId, sessionId: claims.sessionId, sessionVersion: claims.sessionVersion }, now);
}
