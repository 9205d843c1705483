// AUTO-3, AUTO-4, SET-6: the FAQ library and the auto-send threshold (docs/faq.md).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readAutoSendSettings } from "@/server/services/faq/auto-send-settings";
import { FaqLibraryPanel } from "@/components/settings/faq-library-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.faqPage");
  return { title: t("metaTitle") };
}

export default async function FaqSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.faqPage");
  if (!can(member, "faq:read")) return <NoAccess what={t("noAccess")} />;
  const settings = await callService(readAutoSendSettings, { actor: member });
  return (
    <>
      <PageTitle title={t("title")} description={t("description")} />
      <FaqLibraryPanel canManage={can(member, "faq:manage")} canSetThreshold={can(member, "automation:update")} initialSettings={settings} />
    </>
  );
}
