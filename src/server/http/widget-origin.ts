// WIDGET-1, issue 15: the widget's HTTP endpoints refuse (403) a browser call from an origin the
// shop has not allowed; the app's own origin (the widget frame) and no Origin at all pass, and a
// shop with an empty list accepts any (docs/security.md, "CSRF and origins").
import { AppError } from "@/core/errors";
import { checkWidgetOrigin, configuredPublicUrl, originHeadersOf } from "@/server/http/request-origin";
import { callService } from "@/server/services/call-service";
import { loadAllowedOriginsByPublicKey, loadAllowedOriginsByShopId } from "@/server/services/shop/allowed-origins";

function assertVerdict(request: Request, allowedOrigins: readonly string[]): void {
  const verdict = checkWidgetOrigin(originHeadersOf(request), allowedOrigins, configuredPublicUrl());
  if (!verdict.ok) throw new AppError("FORBIDDEN", verdict.reason);
}

/** For requests that already know their shop (a widget token was verified). */
export async function assertWidgetOriginForShop(request: Request, shopId: string): Promise<void> {
  if (!request.headers.get("origin")) return assertVerdict(request, []);
  assertVerdict(request, await callService(loadAllowedOriginsByShopId, shopId));
}

/** For the session start, which names its shop by public key (an unknown key is the service's 404). */
export async function assertWidgetOriginForKey(request: Request, publicKey: string): Promise<void> {
  if (!request.headers.get("origin")) return assertVerdict(request, []);
  const shop = await callService(loadAllowedOriginsByPublicKey, publicKey);
  assertVerdict(request, shop?.allowedOrigins ?? []);
}
