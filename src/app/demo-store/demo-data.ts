// The demo storefront's "shop server" side (WIDGET-1, WIDGET-2): it reads the demo shop's
// catalogue and signs identity tokens for its demo customers with the shop's identity secret,
// exactly as a real shop's server would (docs/widget.md). Server-only.
import { cookies } from "next/headers";
import { callService } from "@/server/services/call-service";
import { findDemoCustomer, findDemoShop, listDemoCustomers, listDemoProducts } from "@/server/services/demo-store/demo-catalogue";
import { parseConfig } from "@/server/config";
import { signIdentityToken } from "@/server/services/widget/tokens";

export const DEMO_CUSTOMER_COOKIE = "demo_store_customer";
const TOKEN_TTL_SECONDS = 60 * 60;

/**
 * The demo store signs in as any demo customer, so it exists only in demo mode (SEED_DEMO, which
 * server.ts also sets when it seeds the embedded database). Read per call, not from the cache.
 */
export function isDemoMode(): boolean {
  return parseConfig().SEED_DEMO === true;
}

/** The demo shop, only in demo mode: outside it the store's pages and sign-in are not found. */
export async function loadDemoShop() {
  if (!isDemoMode()) return null;
  return callService(findDemoShop, {});
}

export async function loadProducts(shopId: string) {
  return callService(listDemoProducts, { shopId });
}

export async function loadCustomers(shopId: string) {
  return callService(listDemoCustomers, { shopId });
}

/** The demo customer "signed in" to the store (a cookie set by /demo-store/account). */
export async function currentCustomer(shopId: string) {
  const externalId = (await cookies()).get(DEMO_CUSTOMER_COOKIE)?.value;
  if (!externalId) return null;
  return callService(findDemoCustomer, { shopId, externalId });
}

/** What the shop's server puts in data-identity-token for a signed-in customer. */
export function identityTokenFor(shop: { identitySecret: string }, customer: { externalId: string | null; nickname: string }, now = new Date()): string | null {
  if (!customer.externalId) return null;
  return signIdentityToken(shop.identitySecret, { externalId: customer.externalId, nickname: customer.nickname, exp: Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS });
}

/** A price in the page's language (NF-5); "en" formats as en-US always did. */
export function formatPrice(cents: number, currency: string, locale: string = "en"): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : locale, { style: "currency", currency }).format(cents / 100);
}

export function productEmoji(externalId: string): string {
  if (externalId.includes("TEA")) return "🍵";
  if (externalId.includes("MUG")) return "☕";
  if (externalId.includes("KET")) return "🫖";
  if (externalId.includes("SET")) return "🎁";
  return "🥄";
}
