// The buyer behind a widget HTTP request (uploads, context): the widget token names the shop and
// the buyer (WIDGET-1), so nothing in the request body can pick another buyer or shop.
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { BLOCKED_NOTICE } from "@/server/services/messaging/ingest-buyer-message";
import { verifyWidgetToken } from "@/server/services/widget/tokens";

export interface WidgetBuyer {
  shopId: string;
  buyerId: string;
  isBlocked: boolean;
}

export async function resolveWidgetBuyer(db: Database, input: { authSecret: string; token: string | null | undefined; now?: Date }): Promise<WidgetBuyer> {
  const claims = input.token ? verifyWidgetToken(input.authSecret, input.token, input.now ?? new Date()) : null;
  if (!claims) throw new AppError("UNAUTHENTICATED", "Your chat session has expired. Reload the page to continue.");
  const buyer = await db.buyer.findFirst({ where: { id: claims.buyerId, shopId: claims.shopId }, select: { id: true, shopId: true, blocked: { select: { buyerId: true } } } });
  if (!buyer) throw new AppError("UNAUTHENTICATED", "Your chat session has expired. Reload the page to continue.");
  return { shopId: buyer.shopId, buyerId: buyer.id, isBlocked: buyer.blocked !== null };
}

/** CHAT-9: blocked buyers neither write nor upload. */
export function assertNotBlocked(buyer: WidgetBuyer): void {
  if (buyer.isBlocked) throw new AppError("FORBIDDEN", BLOCKED_NOTICE);
}
