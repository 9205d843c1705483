// ACCOUNT-2: POST /api/me/password — change your own password. Needs the current one; other
// sign-in sessions end, this one stays.
import { getSignInThrottle } from "@/server/auth/sign-in-throttle";
import { getTrustedProxies } from "@/server/config";
import { requestClientAddress } from "@/server/http/client-address";
import { defineMemberRoute } from "@/server/http/define-route";
import { changePassword } from "@/server/services/accounts/change-password";
import { callService } from "@/server/services/call-service";
import { ZChangePassword } from "@/shared/password-reset";

export const POST = defineMemberRoute({
  action: "personal_settings:update",
  body: ZChangePassword,
  handler: ({ member, body, request }) =>
    callService(changePassword, {
      actor: member,
      ...body,
      address: requestClientAddress(request.headers, getTrustedProxies()),
      throttle: getSignInThrottle(),
    }),
});
