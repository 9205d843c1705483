// AUTO-1: the greeting editor with its live preview. Owners and admins.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getGreetingSettings } from "@/server/services/automation/automation-settings";
import { GreetingForm } from "@/components/settings/automation/greeting-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.greetingPage");
  return { title: t("metaTitle") };
}

export default async function GreetingPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.greetingPage");
  if (!can(member, "automation:update")) return <NoAccess what={t("noAccess")} />;
  const greeting = await callService(getGreetingSettings, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">{t("back")}</a></p>
      <PageTitle title={t("title")} description={t("description")} />
      <GreetingForm initial={greeting} shopName={member.shopName} />
    </>
  );
}
