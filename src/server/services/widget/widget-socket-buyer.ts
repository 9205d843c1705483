// The buyer behind a widget socket (WIDGET-1): the handshake's widget token names the shop and
// the buyer, and every widget command acts in that buyer's one conversation.
import type { Database } from "@/server/db/client";
import { verifyWidgetToken } from "@/server/services/widget/tokens";

export interface WidgetSocketBuyer {
  shopId: string;
  buyerId: string;
  conversationId: string | null;
}

/** The buyer a widget handshake's token names, or null when the token is invalid or the buyer is gone. */
export async function authenticateWidgetSocket(db: Database, input: { authSecret: string; token: unknown; now: Date }): Promise<WidgetSocketBuyer | null> {
  const claims = typeof input.token === "string" ? verifyWidgetToken(input.authSecret, input.token, input.now) : null;
  if (!claims) return null;
  const buyer = await db.buyer.findFirst({ where: { id: claims.buyerId, shopId: claims.shopId }, select: { id: true, shopId: true, conversation: { select: { id: true } } } });
  return buyer ? { shopId: buyer.shopId, buyerId: buyer.id, conversationId: buyer.conversation?.id ?? null } : null;
}

/** The buyer's conversation with its active session, or null before their first message. */
export async function findBuyerConversation(db: Database, buyer: { shopId: string; buyerId: string }) {
  return db.conversation.findFirst({ where: { buyerId: buyer.buyerId, shopId: buyer.shopId }, include: { activeSession: true } });
}
