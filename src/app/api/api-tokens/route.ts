// API-1: GET /api/api-tokens lists the shop's integration tokens; POST creates one and returns
// its secret this once. Owners and admins only (api_token:manage).
import { NextResponse } from "next/server";
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { createApiToken } from "@/server/services/integration/create-api-token";
import { listApiTokens } from "@/server/services/integration/list-api-tokens";
import { ApiTokenCreateSchema } from "@/shared/api-v1-schemas";

export const GET = defineMemberRoute({
  action: "api_token:manage",
  handler: async ({ member }) => ({ tokens: await callService(listApiTokens, { shopId: member.shopId }) }),
});

export const POST = defineMemberRoute({
  action: "api_token:manage",
  body: ApiTokenCreateSchema,
  handler: async ({ member, body }) => {
    const created = await callService(createApiToken, { shopId: member.shopId, name: body.name });
    return NextResponse.json({ data: created }, { status: 201, headers: { "cache-control": "no-store" } });
  },
});
