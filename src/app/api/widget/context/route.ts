// GET /api/widget/context?productId=<shop's product id>&orderId=<shop's order number>
// (WIDGET-2, WIDGET-3), authenticated by the widget token in X-Widget-Token. Returns the buyer's
// latest session, the shop's read position and the viewed product or (own) order.
import type { NextRequest } from "next/server";
import { AppError } from "@/core/errors";
import { sharedRateLimiter } from "@/server/rate-limit/shared-rate-limiter";
import { getAuthSecret } from "@/server/auth/secret";
import { RateLimitedError, respondJson } from "@/server/http/public-route";
import { assertWidgetOriginForShop } from "@/server/http/widget-origin";
import { callService } from "@/server/services/call-service";
import { loadWidgetContext } from "@/server/services/widget/load-widget-context";
import { resolveWidgetBuyer } from "@/server/services/widget/widget-buyer";
import { WIDGET_TOKEN_HEADER } from "@/shared/uploads";
import { zodFieldErrors } from "@/shared/validation";
import { ZWidgetContextQuery } from "@/shared/widget";

export const WIDGET_CONTEXT_LIMIT = { limit: 60, windowMs: 60_000 };
const buyerLimiter = sharedRateLimiter("widget-context", WIDGET_CONTEXT_LIMIT);

export async function GET(request: NextRequest): Promise<Response> {
  return respondJson(
    async () => {
      const buyer = await callService(resolveWidgetBuyer, { authSecret: getAuthSecret(), token: request.headers.get(WIDGET_TOKEN_HEADER) });
      await assertWidgetOriginForShop(request, buyer.shopId);
      const waitMs = await buyerLimiter.hit(buyer.buyerId);
      if (waitMs > 0) throw new RateLimitedError(`Too many requests. Try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
      const params = request.nextUrl.searchParams;
      const parsed = ZWidgetContextQuery.safeParse({ productId: params.get("productId") || undefined, orderId: params.get("orderId") || undefined });
      if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
      return callService(loadWidgetContext, { shopId: buyer.shopId, buyerId: buyer.buyerId, productExternalId: parsed.data.productId, orderExternalId: parsed.data.orderId });
    },
    { headers: { "cache-control": "no-store" } },
  );
}
