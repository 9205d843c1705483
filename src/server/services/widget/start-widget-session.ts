// WIDGET-1: the widget names its shop by public key and its buyer either as an anonymous
// visitor (a persistent random id kept by the browser) or by the shop's signed identity token.
// Returns a widget token for the socket and uploads, and what the widget shows at once.
import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { signWidgetToken, verifyIdentityToken } from "@/server/services/widget/tokens";
import type { WidgetSession } from "@/shared/widget";

export const ZStartWidgetSession = z.object({
  publicKey: z.string().trim().min(1).max(100),
  visitorId: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, "visitorId must be 16-64 letters, digits, - or _").optional(),
  identityToken: z.string().trim().min(10).max(4000).optional(),
});

export type { WidgetSession } from "@/shared/widget";

export async function startWidgetSession(db: Database, input: z.infer<typeof ZStartWidgetSession> & { authSecret: string; now?: Date }): Promise<WidgetSession> {
  const now = input.now ?? new Date();
  const shop = await db.shop.findUnique({ where: { publicKey: input.publicKey } });
  if (!shop) throw new AppError("NOT_FOUND", "This chat is not set up correctly: unknown shop key.", { publicKey: ["Unknown shop key"] });

  let buyer;
  let visitorId: string | null = null;
  if (input.identityToken) {
    const claims = verifyIdentityToken(shop.identitySecret, input.identityToken, now);
    if (!claims) throw new AppError("UNAUTHENTICATED", "The buyer identity could not be verified. Reload the page to sign in again.", { identityToken: ["Bad signature or expired"] });
    buyer = await db.buyer.upsert({
      where: { shopId_externalId: { shopId: shop.id, externalId: claims.externalId } },
      create: { shopId: shop.id, externalId: claims.externalId, nickname: claims.nickname ?? `Customer ${claims.externalId}`, email: claims.email, avatarUrl: claims.avatarUrl },
      update: { ...(claims.nickname ? { nickname: claims.nickname } : {}), ...(claims.email ? { email: claims.email } : {}), ...(claims.avatarUrl ? { avatarUrl: claims.avatarUrl } : {}) },
      include: { conversation: { select: { id: true } }, blocked: true },
    });
  } else {
    visitorId = input.visitorId ?? crypto.randomBytes(18).toString("base64url");
    buyer = await db.buyer.upsert({
      where: { shopId_visitorId: { shopId: shop.id, visitorId } },
      create: { shopId: shop.id, visitorId, nickname: `Visitor ${visitorId.slice(0, 4).toUpperCase()}` },
      update: {},
      include: { conversation: { select: { id: true } }, blocked: true },
    });
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
