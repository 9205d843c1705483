// API-1: DELETE /api/api-tokens/{tokenId} revokes a token; the next request with it gets 401.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { requireUuidParam } from "@/server/services/integration/parse-request";
import { revokeApiToken } from "@/server/services/integration/revoke-api-token";

export const DELETE = defineMemberRoute({
  action: "api_token:manage",
  handler: async ({ member, params }) => {
    const tokenId = requireUuidParam(params, "tokenId", "API token");
    return { token: await revokeApiToken(getDb(), { shopId: member.shopId, tokenId }) };
  },
});
