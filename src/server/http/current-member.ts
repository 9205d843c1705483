// The signed-in member for server components and route handlers, re-read from the database,
// with the cookie's sign-in session checked (revoked, expired, stale version: not signed in).
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";
import { getDb } from "@/server/db/client";
import { resolveSessionMember, type MemberContext } from "@/server/services/resolve-member";

export async function getCurrentMember(): Promise<MemberContext | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session) return null;
  return resolveSessionMember(getDb(), session);
}
