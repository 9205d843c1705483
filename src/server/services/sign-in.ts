// Email + password sign-in (issue 2, item 6). Wrong password and unknown email get the same
// answer; only someone who proved the password learns that their access was deactivated.
import type { Database } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import { ZSignInSchema, type SignInErrorCode } from "@/shared/auth-schemas";

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = "SignInError";
  }
}

export interface SignedInUser {
  userId: string;
  email: string;
  name: string;
  /** The shop the session starts in: the first active membership, oldest first. */
  shopId: string;
}

export async function signIn(db: Database, input: unknown): Promise<SignedInUser> {
  const parsed = ZSignInSchema.safeParse(input);
  if (!parsed.success) throw new SignInError("invalid_credentials");
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { where: { deletedAt: null }, orderBy: { createdAt: "asc" } } },
  });
  const isLiveUser = user !== null && user.deletedAt === null;
  const isPasswordRight = await verifyPassword(isLiveUser ? user.passwordHash : null, password);
  if (!isLiveUser || !isPasswordRight) throw new SignInError("invalid_credentials");

  const active = user.memberships.find((membership) => membership.status === "active");
  if (!active) {
    const wasDeactivated = user.memberships.some((membership) => membership.status === "deactivated");
    throw new SignInError(wasDeactivated ? "deactivated" : "no_shop");
  }
  return { userId: user.id, email: user.email, name: user.name, shopId: active.shopId };
}
