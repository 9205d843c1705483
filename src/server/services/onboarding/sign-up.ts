// SHOP-1, SHOP-2: a seller creates an account and a shop and becomes its owner. An email that
// already has an account (an agent of another shop, an owner adding a second shop) must prove it
// with that account's password, and the new shop is added to the same person: no second user.
//
// What sign-up tells an anonymous caller: an account cannot be created twice, so typing an
// address that has one necessarily answers differently from a new address. To make that cost no
// more than a sign-in attempt, a wrong password here counts in the sign-in throttle (per address
// and per account, docs/security.md), a blocked caller is refused before any lookup, and the
// answer never says more (not whether the account is deactivated, which shops it is in, ...).
// New shops are also limited per client address, so sign-up cannot be used to mass-create shops.
import { AppError } from "@/core/errors";
import { sharedRateLimiter, type SharedRateLimiter } from "@/server/rate-limit/shared-rate-limiter";
import { RateLimitedError } from "@/server/http/error-response";
import type { Database } from "@/server/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { assertAcceptablePassword } from "@/server/auth/password-strength";
import type { SignInThrottle } from "@/server/auth/sign-in-throttle";
import { UNKNOWN_ADDRESS } from "@/server/http/client-address";
import { issueEmailVerification, type VerificationMailDeps } from "@/server/services/onboarding/email-verification";
import { createOwnerMember, createShopRecord } from "@/server/services/shop/create-shop";
import { parseInput } from "@/server/services/team/parse-input";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import { ZSignUp, type SignUpResultDto } from "@/shared/sign-up";
import type { MailDeliveryDto } from "@/shared/team";

/** New shops per client address; generous for an office behind one address, small for a script. */
export const SIGN_UPS_PER_ADDRESS = { limit: 10, windowMs: 60 * 60_000 } as const;
const defaultSignUpLimiter = sharedRateLimiter("sign-up-address", SIGN_UPS_PER_ADDRESS);

export const EXISTING_ACCOUNT_MESSAGE = "The email or password is incorrect. If this email already has a Counterpart account, enter that account's password to add the new shop to it.";

export interface SignUpInput extends VerificationMailDeps {
  input: unknown;
  address?: string;
  throttle?: SignInThrottle;
  signUpLimiter?: SharedRateLimiter;
  now?: Date;
}

export async function signUp(db: Database, options: SignUpInput): Promise<ServiceResult<SignUpResultDto & { delivery: MailDeliveryDto | null }>> {
  const now = options.now ?? new Date();
  const fields = parseInput(ZSignUp, options.input);
  const keys = { account: fields.email, address: options.address ?? UNKNOWN_ADDRESS };
  const waitMs = (await options.throttle?.waitBeforeAttempt(keys)) ?? 0;
  if (waitMs > 0) throw new RateLimitedError(`Too many attempts. Try again in ${Math.max(1, Math.ceil(waitMs / 60_000))} minutes.`, waitMs);

  const existing = await db.user.findUnique({ where: { email: fields.email } });
  const hasAccount = existing !== null && existing.deletedAt === null && existing.passwordHash !== null;
  let passwordHash: string | null = null;
  if (hasAccount) {
    if (!(await verifyPassword(existing.passwordHash, fields.password))) {
      await options.throttle?.recordFailure(keys);
      throw new AppError("BAD_INPUT", EXISTING_ACCOUNT_MESSAGE, { password: ["The email or password is incorrect"] });
    }
    await options.throttle?.recordSuccess(keys);
    const ownsSameName = await db.member.findFirst({
      where: { userId: existing.id, role: "owner", deletedAt: null, shop: { name: { equals: fields.shopName, mode: "insensitive" } } },
      select: { id: true },
    });
    if (ownsSameName) {
      const message = `You already own a shop called ${fields.shopName}. Sign in to open it, or choose another name.`;
      throw new AppError("CONFLICT", message, { shopName: [message] });
    }
  } else {
    // Deleted people, and rows that never got a password, start over as a new account.
    assertAcceptablePassword(fields.password, { email: fields.email, otherInputs: [fields.name, fields.shopName] });
    passwordHash = await hashPassword(fields.password);
  }
  const waitForShop = await (options.signUpLimiter ?? defaultSignUpLimiter).hit(keys.address);
  if (waitForShop > 0) throw new RateLimitedError("Too many new shops from this network. Try again later.", waitForShop);

  const created = await db.$transaction(async (tx) => {
    const user = hasAccount
      ? existing
      : existing
        ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, name: fields.name, deletedAt: null, emailVerifiedAt: null } })
        : await tx.user.create({ data: { email: fields.email, name: fields.name, passwordHash, defaultLanguage: fields.defaultLanguage } });
    const shop = await createShopRecord(tx, { name: fields.shopName, currency: fields.currency, timeZone: fields.timeZone, defaultLanguage: fields.defaultLanguage });
    await createOwnerMember(tx, { shopId: shop.id, userId: user.id, nickname: fields.name, defaultLanguage: fields.defaultLanguage });
    return { user, shop };
  });

  const needsVerification = created.user.emailVerifiedAt === null;
  const delivery = needsVerification
    ? (await issueEmailVerification(db, { userId: created.user.id, shopId: created.shop.id, now, mailer: options.mailer, baseUrl: options.baseUrl })).delivery
    : null;
  return serviceResult({ shopId: created.shop.id, shopName: created.shop.name, isNewAccount: !hasAccount, verificationSent: needsVerification, delivery });
}
