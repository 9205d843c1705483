// TEAM-5: assignment mode and chat access management (owner, admin).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getAgentSettings } from "@/server/services/team/agent-settings";
import { AgentSettingsForm } from "@/components/settings/agent-settings-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agent settings · Counterpart" };

export default async function AgentSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "agent_settings:update")) return <NoAccess what="agent settings" />;
  const settings = await callService(getAgentSettings, { actor: member });
  return (
    <>
      <PageTitle title="Agent settings" description="How chats are routed, and who sees every chat." />
      <AgentSettingsForm initial={settings} canEdit />
    </>
  );
}
