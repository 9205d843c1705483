// AUTO-6: proactive order message templates. Owners and admins.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getProactiveTemplates } from "@/server/services/automation/automation-settings";
import { ProactiveForm } from "@/components/settings/automation/proactive-form";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order messages · Automation · Counterpart" };

export default async function ProactivePage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "automation:update")) return <NoAccess what="the order message settings" />;
  const templates = await callService(getProactiveTemplates, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">← Automation</a></p>
      <PageTitle title="Proactive order messages"
        description="When your system reports an order status through the integration API (/api/v1), the buyer gets this message in their chat. It needs no reply and opens no chat for your team." />
      <ProactiveForm initial={templates} shopName={member.shopName} />
    </>
  );
}
