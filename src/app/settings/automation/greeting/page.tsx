// AUTO-1: the greeting editor with its live preview. Owners and admins.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getGreetingSettings } from "@/server/services/automation/automation-settings";
import { GreetingForm } from "@/components/settings/automation/greeting-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Greeting · Automation · Counterpart" };

export default async function GreetingPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "automation:update")) return <NoAccess what="the greeting settings" />;
  const greeting = await callService(getGreetingSettings, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">← Automation</a></p>
      <PageTitle title="Greeting" description="The first message a buyer gets when they start a chat." />
      <GreetingForm initial={greeting} shopName={member.shopName} />
    </>
  );
}
