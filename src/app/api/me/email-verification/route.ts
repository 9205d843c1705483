// SHOP-3: POST /api/me/email-verification — "Resend" on the verify-your-email banner.
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { resendEmailVerification } from "@/server/services/onboarding/email-verification";

export const POST = defineMemberRoute({
  action: "personal_settings:update",
  handler: ({ member }) => performService(resendEmailVerification, { actor: member }),
});
