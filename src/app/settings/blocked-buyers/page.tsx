// SET-4: the shop's blocked buyers: who, why, by whom and when, searchable, with unblock.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listBlockedBuyers } from "@/server/services/buyers/list-blocked-buyers";
import { BlockedBuyersPanel } from "@/components/settings/blocked-buyers-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.blockedBuyers");
  return { title: t("metaTitle") };
}

export default async function BlockedBuyersPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("settings.pages.blockedBuyers");
  if (!can(member, "buyer:list_blocked")) return <NoAccess what={t("noAccess")} />;
  const firstPage = await callService(listBlockedBuyers, { member });
  return (
    <>
      <PageTitle
        title={t("title")}
        description={t("description")}
      />
      <BlockedBuyersPanel initialPage={firstPage} canUnblock={can(member, "buyer:block")} />
    </>
  );
}
