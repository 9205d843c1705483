// WIDGET-1, issue 15: the widget's HTTP endpoints refuse (403) a browser call from an origin the
// shop has not allowed; the app's own origin (the widget frame) and no Origin at all pass, and a
// shop with an empty list accepts any (docs/security.md, "Widget trust").
import { AppError } from "@/core/errors";
import type { Database } from "@/server/db/client";
import { checkWidgetOrigin, configuredPublicUrl, originHeadersOf } from "@/server/http/request-origin";
import { loadAllowedOriginsByPublicKey, loadAllowedOriginsByShopId } from "@/server/services/shop/allowed-origins";

function assertVerdict(request: Request, allowedOrigins: readonly string[]): void {
  const verdict = checkWidgetOrigin(originHeadersOf(request), allowedOrigins, configuredPublicUrl());
  if (!verdict.ok) throw new AppError("FORBIDDEN", verdict.reason);
}

/** For requests that already know their shop (a widget token was verified). */
export async function assertWidgetOriginForShop(db: Database, request: Request, shopId: string): Promise<void> {
  if (!request.headers.get("origin")) return assertVerdict(request, []);
  assertVerdict(request, await loadAllowedOriginsByShopId(db, shopId));
}

/** For the session start, which names its shop by public key (an unknown key is the service's 404). */
export async function assertWidgetOriginForKey(db: Database, request: Request, publicKey: string): Promise<void> {
  if (!request.headers.get("origin")) return assertVerdict(request, []);
  const shop = await loadAllowedOriginsByPublicKey(db, publicKey);
  assertVerdict(request, shop?.allowedOrigins ?? []);
}
