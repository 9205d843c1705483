// Who asks the FAQ services: a signed-in member (their role is checked here) or an integration
// API token (already bound to one shop by authenticate-api-token; tokens may do everything the
// /api/v1/faq routes offer, docs/permissions.md).
import { assertCan, type Action } from "@/core/permissions";
import type { MemberContext } from "@/server/services/resolve-member";

export type FaqScope = { member: MemberContext } | { apiTokenShopId: string };

export function shopIdFor(scope: FaqScope, action: Action): string {
  if ("member" in scope) {
    assertCan(scope.member, action);
    return scope.member.shopId;
  }
  return scope.apiTokenShopId;
}
