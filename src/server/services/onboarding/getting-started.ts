// SHOP-4, SHOP-5: what an owner or admin needs to put the chat on their storefront: the public
// key for the snippet, the identity secret (revealed on request, rotated with a grace period for
// the old one), the allowed storefront origins, and a checklist derived from the shop's data.
import { assertCan } from "@/core/permissions";
import { acceptedIdentitySecrets, gettingStartedSteps, rotateIdentitySecrets, type SetupStep } from "@/core/shop/onboarding";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { newIdentitySecret, OWNER_DEFAULTS } from "@/server/services/shop/create-shop";
import { serviceResult, type ServiceResult } from "@/server/services/service-result";

const DEFAULT_AGENT_CAPACITY = 200;

export interface GettingStartedDto {
  shopName: string;
  publicKey: string;
  allowedOrigins: string[];
  identitySecretRotatedAt: string | null;
  /** When the previous secret stops verifying identity tokens; null when none is in its grace. */
  previousSecretValidUntil: string | null;
  steps: SetupStep[];
}

export interface IdentitySecretDto {
  identitySecret: string;
  previousSecretValidUntil: string | null;
}

export async function loadGettingStarted(db: Database, input: { actor: MemberContext; now?: Date }): Promise<GettingStartedDto> {
  assertCan(input.actor, "settings:update");
  const now = input.now ?? new Date();
  const shopId = input.actor.shopId;
  const [shop, settings, otherMembers, invitations, tuned, conversation, user] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: shopId } }),
    db.shopSettings.findUnique({ where: { shopId }, select: { allowedOrigins: true } }),
    db.member.count({ where: { shopId, role: { not: "owner" }, deletedAt: null } }),
    db.invitation.count({ where: { shopId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.member.count({
      where: {
        shopId,
        deletedAt: null,
        OR: [
          { role: "owner", maxCapacity: { not: OWNER_DEFAULTS.maxCapacity } },
          { role: { not: "owner" }, maxCapacity: { not: DEFAULT_AGENT_CAPACITY } },
        ],
      },
    }),
    db.conversation.findFirst({ where: { shopId }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { emailVerifiedAt: true } }),
  ]);
  const allowedOrigins = settings?.allowedOrigins ?? [];
  return {
    shopName: shop.name,
    publicKey: shop.publicKey,
    allowedOrigins,
    identitySecretRotatedAt: shop.identitySecretRotatedAt?.toISOString() ?? null,
    previousSecretValidUntil: previousValidUntil(shop, now),
    steps: gettingStartedSteps({
      otherMembers: otherMembers + invitations,
      capacityReviewed: tuned > 0,
      hasConversation: conversation !== null,
      allowedOrigins: allowedOrigins.length,
      emailVerified: user.emailVerifiedAt !== null,
    }),
  };
}

/** "Reveal": the secret is sent only when asked for, never rendered into the page. */
export async function revealIdentitySecret(db: Database, input: { actor: MemberContext; now?: Date }): Promise<IdentitySecretDto> {
  assertCan(input.actor, "settings:update");
  const shop = await db.shop.findUniqueOrThrow({ where: { id: input.actor.shopId } });
  return { identitySecret: shop.identitySecret, previousSecretValidUntil: previousValidUntil(shop, input.now ?? new Date()) };
}

/** A new secret; the one it replaces keeps verifying identity tokens for the grace period. */
export async function rotateIdentitySecret(db: Database, input: { actor: MemberContext; now?: Date }): Promise<ServiceResult<IdentitySecretDto>> {
  assertCan(input.actor, "settings:update");
  const now = input.now ?? new Date();
  const shop = await db.$transaction(async (tx) => {
    // The row lock orders two rotations at once: the second keeps the first's secret as "previous".
    await tx.$queryRaw`SELECT id FROM "Shop" WHERE id = ${input.actor.shopId}::uuid FOR UPDATE`;
    const current = await tx.shop.findUniqueOrThrow({ where: { id: input.actor.shopId } });
    return tx.shop.update({
      where: { id: current.id },
      data: { ...rotateIdentitySecrets(current, newIdentitySecret(), now), identitySecretRotatedAt: now },
    });
  });
  return serviceResult({ identitySecret: shop.identitySecret, previousSecretValidUntil: previousValidUntil(shop, now) });
}

function previousValidUntil(shop: Parameters<typeof acceptedIdentitySecrets>[0], now: Date): string | null {
  return acceptedIdentitySecrets(shop, now).length > 1 ? (shop.previousIdentitySecretValidUntil?.toISOString() ?? null) : null;
}
