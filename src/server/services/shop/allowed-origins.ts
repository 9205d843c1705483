// WIDGET-1, issue 15: the storefront origins a shop allows to embed its widget (shop settings;
// an empty list allows any). Read by the widget frame's CSP (frame-ancestors) and by the
// widget's HTTP endpoints' Origin check.
import type { Database } from "@/server/db/client";

/** The shop's allowed origins; an empty list when it has none or no settings row yet. */
export async function loadAllowedOriginsByShopId(db: Database, shopId: string): Promise<string[]> {
  const settings = await db.shopSettings.findUnique({ where: { shopId }, select: { allowedOrigins: true } });
  return settings?.allowedOrigins ?? [];
}

/** By the widget's public key; null when no shop has that key. */
export async function loadAllowedOriginsByPublicKey(db: Database, publicKey: string): Promise<{ shopId: string; allowedOrigins: string[] } | null> {
  if (publicKey.length === 0 || publicKey.length > 128) return null;
  const shop = await db.shop.findUnique({ where: { publicKey }, select: { id: true, settings: { select: { allowedOrigins: true } } } });
  return shop ? { shopId: shop.id, allowedOrigins: shop.settings?.allowedOrigins ?? [] } : null;
}
