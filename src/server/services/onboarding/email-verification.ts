// SHOP-3: proving the address a seller signed up with. A link carries 32 random bytes and only
// their sha256 is stored; it works once (one conditional UPDATE claims it) and expires after
// EMAIL_VERIFICATION_TTL_HOURS. Issuing a new link retires the older ones. The mail goes through
// the same mailer as invitations, into the shop's outbox when there is no SMTP server.
import { forgetSecretLinks } from "@/server/services/mail/forget-invitation-links";
import crypto from "node:crypto";
import { AppError } from "@/core/errors";
import {
  EMAIL_VERIFICATION_TTL_HOURS,
  mayInviteMembers,
  VERIFICATION_MESSAGES,
  VERIFICATION_RESEND_INTERVAL_SECONDS,
  verificationProblem,
} from "@/core/shop/onboarding";
import type { Database } from "@/server/db/client";
import { emailLocale } from "@/server/mail/email-translator";
import { getMailer, publicBaseUrl, type Mailer } from "@/server/mail/mailer";
import { renderVerificationEmail } from "@/server/mail/verification-email";
import type { MemberContext } from "@/server/services/resolve-member";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";
import type { MailDeliveryDto } from "@/shared/team";

export interface VerificationMailDeps {
  mailer?: Mailer;
  baseUrl?: string;
}

export function hashVerificationToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function verifyEmailUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify-email/${token}`;
}

/** A new link for the user (older unused ones stop working), and the mail with it. Never throws for mail trouble. */
export async function issueEmailVerification(
  db: Database,
  input: { userId: string; shopId: string; now?: Date } & VerificationMailDeps,
): Promise<{ delivery: MailDeliveryDto; token: string }> {
  const now = input.now ?? new Date();
  const token = crypto.randomBytes(32).toString("base64url");
  const [user, shop, member] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: input.userId } }),
    db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { name: true, defaultLanguage: true } }),
    db.member.findFirst({ where: { userId: input.userId, shopId: input.shopId }, select: { defaultLanguage: true } }),
  ]);
  const expiresAt = new Date(now.getTime() + EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
  await db.$transaction([
    db.emailVerification.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: now } }),
    db.emailVerification.create({ data: { userId: user.id, email: user.email, tokenHash: hashVerificationToken(token), expiresAt } }),
  ]);
  const verifyUrl = verifyEmailUrl(input.baseUrl ?? publicBaseUrl(), token);
  // NF-5: in the person's language in this shop, else the shop's.
  const locale = emailLocale(member?.defaultLanguage, shop.defaultLanguage);
  const message = renderVerificationEmail({ to: user.email, name: user.name, shopName: shop.name, shopId: input.shopId, verifyUrl, expiresAt, locale });
  try {
    return { delivery: await (input.mailer ?? getMailer()).send(message), token };
  } catch (error) {
    console.error("verification email failed:", error);
    return { delivery: { status: "failed", message: `The email to ${user.email} could not be sent. Try again with Resend.` }, token };
  }
}

/** "Resend" on the console's banner: for the signed-in person, at most once a minute. */
export async function resendEmailVerification(
  db: Database,
  input: { actor: MemberContext; now?: Date } & VerificationMailDeps,
): Promise<ServiceResult<{ delivery: MailDeliveryDto; alreadyVerified: boolean }>> {
  const now = input.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId } });
  if (user.emailVerifiedAt) return serviceResult({ delivery: { status: "sent", message: "Your email address is already verified." }, alreadyVerified: true });
  const last = await db.emailVerification.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  if (last && now.getTime() - last.createdAt.getTime() < VERIFICATION_RESEND_INTERVAL_SECONDS * 1000) {
    throw new AppError("RATE_LIMITED", "A verification email was sent less than a minute ago. Check your inbox (and spam folder), then try again.");
  }
  const { delivery } = await issueEmailVerification(db, { userId: user.id, shopId: input.actor.shopId, now, mailer: input.mailer, baseUrl: input.baseUrl });
  return serviceResult({ delivery, alreadyVerified: false });
}

/** Whether the person behind a member still has to verify, and where the link went. */
export async function getEmailVerificationStatus(db: Database, input: { actor: MemberContext }): Promise<{ isVerified: boolean; email: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { email: true, emailVerifiedAt: true } });
  return { isVerified: user.emailVerifiedAt !== null, email: user.email };
}

/** The link is opened: the address is proven. Works without a sign-in (another browser, a phone). */
export async function verifyEmail(db: Database, input: { token: string; now?: Date }): Promise<ServiceResult<{ email: string }>> {
  const now = input.now ?? new Date();
  if (input.token.length === 0 || input.token.length > 100) throw new AppError("NOT_FOUND", VERIFICATION_MESSAGES.invalid);
  const link = await db.emailVerification.findUnique({ where: { tokenHash: hashVerificationToken(input.token) }, include: { user: true } });
  const problem = verificationProblem(link && { usedAt: link.usedAt, expiresAt: link.expiresAt, email: link.email, currentEmail: link.user.email }, now);
  if (problem === "invalid" || !link) throw new AppError("NOT_FOUND", VERIFICATION_MESSAGES.invalid);
  if (problem) throw new AppError("GONE", VERIFICATION_MESSAGES[problem]);
  await db.$transaction(async (tx) => {
    const claimed = await tx.emailVerification.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("GONE", VERIFICATION_MESSAGES.used);
    await tx.user.updateMany({ where: { id: link.userId, email: link.email, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  });
  // The link is used up: no outbox keeps it.
  await forgetSecretLinks(db, { kind: "email_verification", email: link.email });
  return serviceResult({ email: link.email });
}

export const VERIFY_BEFORE_INVITING_MESSAGE = "Verify your email address before inviting members: open the link we sent you, or send a new one from the banner.";

/** SHOP-3: mail to other people in the shop's name waits until the inviter's address is proven. */
export async function assertMayInvite(db: Database, actor: MemberContext): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailVerifiedAt: true } });
  if (!user || !mayInviteMembers(user)) throw new AppError("FORBIDDEN", VERIFY_BEFORE_INVITING_MESSAGE);
}
