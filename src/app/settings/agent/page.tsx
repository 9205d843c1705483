// TEAM-5: assignment mode and chat access management (owner, admin).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getAgentSettings } from "@/server/services/team/agent-settings";
import { AgentSettingsForm } from "@/components/settings/agent-settings-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.agent");
  return { title: t("metaTitle") };
}

export default async function AgentSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("settings.pages.agent");
  if (!can(member, "agent_settings:update")) return <NoAccess what={t("noAccess")} />;
  const settings = await callService(getAgentSettings, { actor: member });
  return (
    <>
      <PageTitle title={t("title")} description={t("description")} />
      <AgentSettingsForm initial={settings} canEdit />
    </>
  );
}
