// POST /api/widget/session (WIDGET-1): public. The widget names its shop by public key and its
// buyer by the visitor id this server issued or by the shop's signed identity token (a JWT); it
// gets back a widget token for the socket and uploads. 400 with field errors for bad input, 401
// for an identity token with a bad signature, past its expiry or living too long, 429 when one
// address starts too many sessions or creates too many new visitors. The address is the socket's
// peer, or an X-Forwarded-For hop written by a proxy named in TRUSTED_PROXIES (client-address.ts).
import type { NextRequest } from "next/server";
import { sharedRateLimiter } from "@/server/rate-limit/shared-rate-limiter";
import { getAuthSecret } from "@/server/auth/secret";
import { getTrustedProxies } from "@/server/config";
import { requestClientAddress } from "@/server/http/client-address";
import { RateLimitedError, respondJson } from "@/server/http/public-route";
import { readJsonBody } from "@/server/http/read-json-body";
import { assertWidgetOriginForKey } from "@/server/http/widget-origin";
import { callService } from "@/server/services/call-service";
import { startWidgetSession, ZStartWidgetSession } from "@/server/services/widget/start-widget-session";

/** NF-3: sessions started per client address per minute (across app nodes with Redis). */
export const WIDGET_SESSION_LIMIT = { limit: 60, windowMs: 60_000 };
/** NF-3: new anonymous visitors (buyer rows) created per client address per 10 minutes (across app nodes with Redis). */
export const WIDGET_NEW_VISITOR_LIMIT = { limit: 60, windowMs: 10 * 60_000 };
const addressLimiter = sharedRateLimiter("widget-session-address", WIDGET_SESSION_LIMIT);
/** NF-3 (issue 15): a key, a visitor id and an identity token fit in far less. */
const WIDGET_JSON_LIMIT_BYTES = 16 * 1024;
const newVisitorLimiter = sharedRateLimiter("widget-new-visitor", WIDGET_NEW_VISITOR_LIMIT);

export async function POST(request: NextRequest): Promise<Response> {
  return respondJson(
    async () => {
      const address = requestClientAddress(request.headers, getTrustedProxies());
      const waitMs = await addressLimiter.hit(address);
      if (waitMs > 0) throw new RateLimitedError(`Too many chats were opened from your network. Try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
      const body = await readJsonBody(request, ZStartWidgetSession, { maxBytes: WIDGET_JSON_LIMIT_BYTES });
      await assertWidgetOriginForKey(request, body.publicKey);
      return callService(startWidgetSession, {
        ...body,
        authSecret: getAuthSecret(),
        async admitNewVisitor() {
          const visitorWaitMs = await newVisitorLimiter.hit(address);
          if (visitorWaitMs > 0) {
            throw new RateLimitedError(`Too many new visitors from your network. Try again in ${Math.ceil(visitorWaitMs / 1000)} s.`, visitorWaitMs);
          }
        },
      });
    },
    { headers: { "cache-control": "no-store" } },
  );
}
