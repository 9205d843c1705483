// The signed-in member for server components and route handlers, re-read from the database.
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";
import { getDb } from "@/server/db/client";
import { resolveMemberContext, type MemberContext } from "@/server/services/resolve-member";

export async function getCurrentMember(): Promise<MemberContext | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId || !session.shopId) return null;
  return resolveMemberContext(getDb(), { userId: session.userId, shopId: session.shopId });
}
