// AUTO-1..6: the automation tools of the shop, with their state and a link to each. Owners and admins.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getAutomationOverview } from "@/server/services/automation/automation-settings";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Automation · Counterpart" };

export default async function AutomationPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "automation:update")) return <NoAccess what="the automation tools" />;
  const overview = await callService(getAutomationOverview, { actor: member });
  return (
    <>
      <PageTitle title="Automation" description="Tools that answer for the shop. Automatic messages are marked as such and never count as an agent's reply." />
      <ul className="grid gap-4 md:grid-cols-2" data-testid="automation-tools">
        {overview.tools.map((tool) => (
          <li key={tool.id} data-testid={`tool-${tool.id}`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <h2 className="text-base font-semibold text-slate-900">{tool.name}</h2>
              <span data-testid="tool-state" className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${tool.href ? "bg-slate-100 text-slate-700" : "bg-amber-50 text-amber-700"}`}>{tool.state}</span>
            </div>
            <p className="mt-1 text-sm text-slate-600">{tool.description}</p>
            <div className="mt-3">
              {tool.href ? (
                <a href={tool.href} className="text-sm font-medium text-brand-700 underline">Set up {tool.name.toLowerCase()}</a>
              ) : (
                <span aria-disabled="true" className="text-sm text-slate-500">Coming soon</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
