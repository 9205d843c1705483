// WIDGET-1: the widget names its shop by public key and its buyer either as an anonymous
// visitor (a visitor id THIS server issued and signed, kept by the browser) or by the shop's
// signed identity token (a JWT, identity-token.ts). Returns a widget token for the socket and
// uploads, and what the widget shows at once. A visitor id the server did not issue for this shop
// (client-chosen, seeded, altered) is not an error: the browser gets a fresh visitor instead.
import { z } from "zod";
import { acceptedIdentitySecrets } from "@/core/shop/onboarding";
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { issueVisitorId, signWidgetToken, verifyIdentityToken, verifyVisitorId } from "@/server/services/widget/tokens";
import type { WidgetSession } from "@/shared/widget";

export const ZStartWidgetSession = z.object({
  publicKey: z.string().trim().min(1).max(100),
  visitorId: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, "visitorId must be 16-64 letters, digits, - or _").optional(),
  identityToken: z.string().trim().min(10).max(4000).optional(),
});

export type { WidgetSession } from "@/shared/widget";

const LEGACY_WARNING_INTERVAL_MS = 3600_000;
const legacyWarnedAt = new Map<string, number>();

function warnLegacyIdentityToken(shop: { id: string; name: string }, now: Date): void {
  const last = legacyWarnedAt.get(shop.id);
  if (last !== undefined && now.getTime() - last < LEGACY_WARNING_INTERVAL_MS) return;
  if (legacyWarnedAt.size > 10_000) legacyWarnedAt.clear();
  legacyWarnedAt.set(shop.id, now.getTime());
  console.warn(
    `WIDGET-1: shop ${shop.id} (${shop.name}) signs buyer identity tokens in the deprecated pre-JWT format; ` +
      "it is refused from 2027-03-01. Sign an HS256 JWT instead (docs/widget.md).",
  );
}

export async function startWidgetSession(
  db: Database,
  input: z.infer<typeof ZStartWidgetSession> & {
    authSecret: string;
    now?: Date;
    /** NF-3: called before a new anonymous visitor is created; throws to refuse (per-address limit). */
    admitNewVisitor?: () => void | Promise<void>;
  },
): Promise<WidgetSession> {
  const now = input.now ?? new Date();
  const shop = await db.shop.findUnique({ where: { publicKey: input.publicKey } });
  if (!shop) throw new AppError("NOT_FOUND", "This chat is not set up correctly: unknown shop key.", { publicKey: ["Unknown shop key"] });

  const include = { conversation: { select: { id: true } }, blocked: true } as const;
  let buyer;
  let visitorId: string | null = null;
  if (input.identityToken) {
    // SHOP-4: after a rotation the previous secret still verifies until its grace ends.
    let claims = null;
    for (const secret of acceptedIdentitySecrets(shop, now)) {
      claims = await verifyIdentityToken(secret, input.identityToken, { now, onLegacyFormat: () => warnLegacyIdentityToken(shop, now) });
      if (claims) break;
    }
    if (!claims) {
      throw new AppError("UNAUTHENTICATED", "The buyer identity could not be verified. Reload the page to sign in again.", {
        identityToken: ["Bad signature, expired, or living longer than 24 hours"],
      });
    }
    buyer = await db.buyer.upsert({
      where: { shopId_externalId: { shopId: shop.id, externalId: claims.externalId } },
      create: { shopId: shop.id, externalId: claims.externalId, nickname: claims.nickname ?? `Customer ${claims.externalId}`, email: claims.email, avatarUrl: claims.avatarUrl },
      update: { ...(claims.nickname ? { nickname: claims.nickname } : {}), ...(claims.email ? { email: claims.email } : {}), ...(claims.avatarUrl ? { avatarUrl: claims.avatarUrl } : {}) },
      include,
    });
  } else {
    const visitorKey = input.visitorId ? verifyVisitorId(input.authSecret, shop.id, input.visitorId) : null;
    const returning = visitorKey ? await db.buyer.findUnique({ where: { shopId_visitorId: { shopId: shop.id, visitorId: visitorKey } }, include }) : null;
    if (returning) {
      buyer = returning;
      visitorId = input.visitorId!;
    } else {
      // A visitor id we issued whose buyer is gone (deleted) is replaced like any unknown id.
      await input.admitNewVisitor?.();
      const issued = issueVisitorId(input.authSecret, shop.id);
      visitorId = issued.visitorId;
      buyer = await db.buyer.create({
        data: { shopId: shop.id, visitorId: issued.visitorKey, nickname: `Visitor ${issued.visitorKey.slice(0, 4).toUpperCase()}` },
        include,
      });
    }
  }
  return {
    token: signWidgetToken(input.authSecret, { shopId: shop.id, buyerId: buyer.id }, now),
    visitorId,
    shop: { name: shop.name },
    buyer: { id: buyer.id, nickname: buyer.nickname, isIdentified: buyer.externalId !== null },
    conversationId: buyer.conversation?.id ?? null,
    isBlocked: buyer.blocked !== null,
  };
}
