// ACCOUNT-1: POST /api/password-reset/:token { password, confirmPassword } — set a new password
// from a reset link. Public: the token is the authentication (single use, 30 minutes, hashed at
// rest); same-origin rule and a small JSON body as every public route. 410 when the link does
// not work, 400 with field errors for a weak or mismatched password (the link stays usable).
import type { NextRequest } from "next/server";
import { respondJson } from "@/server/http/public-route";
import { readJsonBody } from "@/server/http/read-json-body";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import { resetPassword } from "@/server/services/accounts/reset-password";
import { callService } from "@/server/services/call-service";
import { ZResetPassword } from "@/shared/password-reset";

export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return respondJson(async () => {
    assertSameOriginRequest(request);
    const { token } = await context.params;
    const body = await readJsonBody(request, ZResetPassword, { maxBytes: 4 * 1024, requireJsonType: true });
    const result = await callService(resetPassword, { token, password: body.password, confirmPassword: body.confirmPassword });
    return { email: result.email };
  }, { headers: { "cache-control": "no-store" } });
}
