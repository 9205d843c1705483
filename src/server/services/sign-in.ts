// Email + password sign-in (issue 2, item 6). Wrong password and unknown email get the same
// answer; only someone who proved the password learns that their access was deactivated.
// Throttled per account and per address (issue 15 item 4): while either is blocked the password
// is not even checked. A successful sign-in starts a revocable sign-in session.
import type { Database } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import type { SignInThrottle } from "@/server/auth/sign-in-throttle";
import { UNKNOWN_ADDRESS } from "@/server/http/client-address";
import { startSignInSession } from "@/server/services/sign-in-sessions";
import { ZSignInSchema, type SignInErrorCode } from "@/shared/auth-schemas";

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    /** For rate_limited: how long until another attempt is allowed. */
    readonly waitMs = 0,
  ) {
    super(code);
    this.name = "SignInError";
  }

  /** What next-auth carries to the sign-in page (`?error=`): the code, and the wait in minutes. */
  get pageCode(): string {
    return this.code === "rate_limited" ? `rate_limited:${Math.max(1, Math.ceil(this.waitMs / 60_000))}` : this.code;
  }
}

export interface SignedInUser {
  userId: string;
  email: string;
  name: string;
  /** The shop the session starts in: the one asked for when the person is an active member of it, else the first active membership, oldest first. */
  shopId: string;
  /** The sign-in session the cookie will name, and the member version it is issued with. */
  sessionId: string;
  sessionVersion: number;
}

export interface SignInOptions {
  /** The client address (clientAddress); per-address counting uses it. */
  address?: string;
  throttle?: SignInThrottle;
  now?: Date;
}

export async function signIn(db: Database, input: unknown, options: SignInOptions = {}): Promise<SignedInUser> {
  const parsed = ZSignInSchema.safeParse(input);
  const keys = { account: parsed.success ? parsed.data.email : undefined, address: options.address ?? UNKNOWN_ADDRESS };
  const { throttle } = options;
  const waitMs = (await throttle?.waitBeforeAttempt(keys)) ?? 0;
  if (waitMs > 0) throw new SignInError("rate_limited", waitMs);

  // The attempt that reaches a limit is still answered as a wrong password; the block applies
  // from the next one on, so "N wrong passwords, then refused" holds exactly.
  const refuse = async (): Promise<never> => {
    await throttle?.recordFailure(keys);
    throw new SignInError("invalid_credentials");
  };
  if (!parsed.success) return refuse();
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { where: { deletedAt: null }, orderBy: { createdAt: "asc" } } },
  });
  const isLiveUser = user !== null && user.deletedAt === null;
  const isPasswordRight = await verifyPassword(isLiveUser ? user.passwordHash : null, password);
  if (!isLiveUser || !isPasswordRight) return refuse();
  await throttle?.recordSuccess(keys);

  // SHOP-2: after sign-up the new shop is asked for; any other shop id is ignored, never trusted.
  const preferredShopId = typeof (input as { shopId?: unknown } | null)?.shopId === "string" ? (input as { shopId: string }).shopId : null;
  const activeMemberships = user.memberships.filter((membership) => membership.status === "active");
  const active = activeMemberships.find((membership) => membership.shopId === preferredShopId) ?? activeMemberships[0];
  if (!active) {
    const wasDeactivated = user.memberships.some((membership) => membership.status === "deactivated");
    throw new SignInError(wasDeactivated ? "deactivated" : "no_shop");
  }
  const session = await startSignInSession(db, { userId: user.id, now: options.now });
  return { userId: user.id, email: user.email, name: user.name, shopId: active.shopId, sessionId: session.sessionId, sessionVersion: active.sessionVersion };
}
