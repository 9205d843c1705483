// SHOP-1, SHOP-2: POST /api/sign-up — a seller creates an account (or adds a shop to the account
// they have) and a shop they own. Public (nobody is signed in yet), so it declares its own
// protection instead of a permission: the same-origin rule (CSRF), a small JSON body, the sign-in
// throttle for existing accounts' passwords and a per-address limit on new shops. With
// SIGNUP_ENABLED=false it answers 404. The browser signs in next with the same credentials.
import type { NextRequest } from "next/server";
import { AppError } from "@/core/errors";
import { getSignInThrottle } from "@/server/auth/sign-in-throttle";
import { getTrustedProxies, isSignUpEnabled } from "@/server/config";
import { requestClientAddress } from "@/server/http/client-address";
import { respondJson } from "@/server/http/public-route";
import { readJsonBody } from "@/server/http/read-json-body";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import { performService } from "@/server/services/call-service";
import { signUp } from "@/server/services/onboarding/sign-up";
import { SIGN_UP_DISABLED_MESSAGE, ZSignUp } from "@/shared/sign-up";

export async function POST(request: NextRequest): Promise<Response> {
  return respondJson(async () => {
    if (!isSignUpEnabled()) throw new AppError("NOT_FOUND", SIGN_UP_DISABLED_MESSAGE);
    assertSameOriginRequest(request);
    const body = await readJsonBody(request, ZSignUp, { maxBytes: 8 * 1024, requireJsonType: true });
    const address = requestClientAddress(request.headers, getTrustedProxies());
    return performService(signUp, { input: body, address, throttle: getSignInThrottle() });
  }, { headers: { "cache-control": "no-store" } });
}
