// AUTO-6: proactive order message templates. Owners and admins.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getProactiveTemplates } from "@/server/services/automation/automation-settings";
import { ProactiveForm } from "@/components/settings/automation/proactive-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.proactivePage");
  return { title: t("metaTitle") };
}

export default async function ProactivePage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.proactivePage");
  if (!can(member, "automation:update")) return <NoAccess what={t("noAccess")} />;
  const templates = await callService(getProactiveTemplates, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">{t("back")}</a></p>
      <PageTitle title={t("title")} description={t("description")} />
      <ProactiveForm initial={templates} shopName={member.shopName} />
    </>
  );
}
