// SHOP-3: POST /api/email-verification/<token> — the link from the verification mail, confirmed
// on its page. Public (the link may be opened in a browser that is not signed in); the token is
// the credential. Same-origin rule as every state-changing route.
import type { NextRequest } from "next/server";
import { respondJson } from "@/server/http/public-route";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import { performService } from "@/server/services/call-service";
import { verifyEmail } from "@/server/services/onboarding/email-verification";

export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return respondJson(async () => {
    assertSameOriginRequest(request);
    const { token } = await context.params;
    return performService(verifyEmail, { token });
  }, { headers: { "cache-control": "no-store" } });
}
