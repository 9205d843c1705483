// API-1: integration API tokens, for owners and admins (api_token:manage).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listApiTokens } from "@/server/services/integration/list-api-tokens";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.api");
  return { title: t("metaTitle") };
}

export default async function ApiTokensPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("settings.pages.api");
  if (!can(member, "api_token:manage")) return <NoAccess what={t("noAccess")} />;
  const tokens = await callService(listApiTokens, { shopId: member.shopId });
  return (
    <>
      <PageTitle title={t("title")} description={t("description", { shop: member.shopName })} />
      <ApiTokensPanel initialTokens={tokens} />
    </>
  );
}
