// POST /api/widget/session (WIDGET-1): public. The widget names its shop by public key and its
// buyer by a persistent visitor id or by the shop's signed identity token; it gets back a widget
// token for the socket and uploads. 400 with field errors for bad input, 401 for an identity
// token with a bad signature or past its expiry, 429 when one address starts too many sessions.
import type { NextRequest } from "next/server";
import { AppError } from "@/core/errors";
import { createRateLimiter } from "@/core/rate-limit";
import { getAuthSecret } from "@/server/auth/secret";
import { clientAddress, RateLimitedError, respondJson } from "@/server/http/public-route";
import { callService } from "@/server/services/call-service";
import { startWidgetSession, ZStartWidgetSession } from "@/server/services/widget/start-widget-session";
import { zodFieldErrors } from "@/shared/validation";

/** NF-3: sessions started per client address per minute (per app node). */
export const WIDGET_SESSION_LIMIT = { limit: 60, windowMs: 60_000 };
const addressLimiter = createRateLimiter(WIDGET_SESSION_LIMIT);

export async function POST(request: NextRequest): Promise<Response> {
  return respondJson(
    async () => {
      const waitMs = addressLimiter.hit(clientAddress(request.headers), Date.now());
      if (waitMs > 0) throw new RateLimitedError(`Too many chats were opened from your network. Try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
      const json: unknown = await request.json().catch(() => {
        throw new AppError("BAD_INPUT", "The request body must be JSON.");
      });
      const parsed = ZStartWidgetSession.safeParse(json);
      if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
      return callService(startWidgetSession, { ...parsed.data, authSecret: getAuthSecret() });
    },
    { headers: { "cache-control": "no-store" } },
  );
}
