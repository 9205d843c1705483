// API-1: DELETE /api/api-tokens/{tokenId} revokes a token; the next request with it gets 401.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { requireUuidParam } from "@/server/services/integration/parse-request";
import { revokeApiToken } from "@/server/services/integration/revoke-api-token";

export const DELETE = defineMemberRoute({
  action: "api_token:manage",
  handler: async ({ member, params }) => {
    const tokenId = requireUuidParam(params, "tokenId", "API token");
    return { token: await callService(revokeApiToken, { shopId: member.shopId, tokenId }) };
  },
});
