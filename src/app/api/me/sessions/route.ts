// Issue 15 item 4: "Sign out everywhere" ends every sign-in session of the signed-in user, this
// one included; their open consoles are dropped. The browser then clears its own cookie.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { revokeAllSignInSessions } from "@/server/services/sign-in-sessions";

export const DELETE = defineMemberRoute({
  action: "personal_settings:update",
  handler: ({ member }) => callService(revokeAllSignInSessions, { actor: member }),
});
