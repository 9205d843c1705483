// SHOP-4: the shop's identity secret on the getting-started page. GET reveals it (never rendered
// into the page itself); POST rotates it: a new secret at once, the old one still verifying
// identity tokens for the grace period so the shop's servers can be updated without downtime.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService, performService } from "@/server/services/call-service";
import { revealIdentitySecret, rotateIdentitySecret } from "@/server/services/onboarding/getting-started";

export const GET = defineMemberRoute({
  action: "settings:update",
  handler: async ({ member }) => Response.json({ data: await callService(revealIdentitySecret, { actor: member }) }, { headers: { "cache-control": "no-store" } }),
});

export const POST = defineMemberRoute({
  action: "settings:update",
  handler: ({ member }) => performService(rotateIdentitySecret, { actor: member }),
});
