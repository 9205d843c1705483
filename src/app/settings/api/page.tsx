// API-1: integration API tokens, for owners and admins (api_token:manage).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listApiTokens } from "@/server/services/integration/list-api-tokens";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens · Counterpart" };

export default async function ApiTokensPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "api_token:manage")) return <NoAccess what="the API tokens" />;
  const tokens = await callService(listApiTokens, { shopId: member.shopId });
  return (
    <>
      <PageTitle title="API tokens" description={`Tokens that let your own systems talk to ${member.shopName} through the integration API (v1).`} />
      <ApiTokensPanel initialTokens={tokens} />
    </>
  );
}
