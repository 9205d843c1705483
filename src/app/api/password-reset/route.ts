// ACCOUNT-1: POST /api/password-reset { email } — "Forgot password?". Public (the person cannot
// sign in), so it declares its own protection instead of a permission: the same-origin rule
// (CSRF), a small JSON body, and the per-email and per-address throttle. The answer is the same
// whether or not an account uses the email; the mail is sent after the answer.
import type { NextRequest } from "next/server";
import { getPasswordResetThrottle } from "@/server/auth/password-reset-throttle";
import { getTrustedProxies } from "@/server/config";
import { requestClientAddress } from "@/server/http/client-address";
import { respondJson } from "@/server/http/public-route";
import { readJsonBody } from "@/server/http/read-json-body";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import { requestPasswordReset } from "@/server/services/accounts/request-password-reset";
import { callService } from "@/server/services/call-service";
import { ZRequestPasswordReset } from "@/shared/password-reset";

export async function POST(request: NextRequest): Promise<Response> {
  return respondJson(async () => {
    assertSameOriginRequest(request);
    const body = await readJsonBody(request, ZRequestPasswordReset, { maxBytes: 4 * 1024, requireJsonType: true });
    const address = requestClientAddress(request.headers, getTrustedProxies());
    return callService(requestPasswordReset, { email: body.email, address, throttle: getPasswordResetThrottle(), awaitDelivery: false });
  }, { headers: { "cache-control": "no-store" } });
}
