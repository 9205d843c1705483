// AUTO-1..6: the automation tools of the shop, with their state and a link to each. Owners and admins.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getAutomationOverview } from "@/server/services/automation/automation-settings";
import type { AutomationToolDto } from "@/shared/automation";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.overview");
  return { title: t("metaTitle") };
}

export default async function AutomationPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.overview");
  if (!can(member, "automation:update")) return <NoAccess what={t("noAccess")} />;
  const overview = await callService(getAutomationOverview, { actor: member });
  const format = await getFormatter();
  const proactiveOn = overview.proactive.filter((row) => row.enabled).length;
  // The tools' words by id; the state from the same figures the service states it with.
  const stateOf = (tool: AutomationToolDto): string => {
    switch (tool.id) {
      case "greeting": return overview.greeting.enabled ? t("state.on") : t("state.off");
      case "chatbot": return tool.state === "On" ? t("state.on") : t("state.off");
      case "saved_replies": case "faq": return t("state.manage");
      case "recommendation": return overview.autoSendThreshold === null ? t("state.autoSendOff") : t("state.autoSendAt", { threshold: format.number(overview.autoSendThreshold, { maximumFractionDigits: 20 }) });
      case "proactive": return proactiveOn === 0 ? t("state.off") : t("state.someOn", { on: proactiveOn, total: overview.proactive.length });
    }
  };
  return (
    <>
      <PageTitle title={t("title")} description={t("description")} />
      <ul className="grid gap-4 md:grid-cols-2" data-testid="automation-tools">
        {overview.tools.map((tool) => (
          <li key={tool.id} data-testid={`tool-${tool.id}`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <h2 className="text-base font-semibold text-slate-900">{t(`tools.${tool.id}.name`)}</h2>
              <span data-testid="tool-state" className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${tool.href ? "bg-slate-100 text-slate-700" : "bg-amber-50 text-amber-700"}`}>{stateOf(tool)}</span>
            </div>
            <p className="mt-1 text-sm text-slate-600">{t(`tools.${tool.id}.description`)}</p>
            <div className="mt-3">
              {tool.href ? (
                <a href={tool.href} className="text-sm font-medium text-brand-700 underline">{t(`tools.${tool.id}.setUp`)}</a>
              ) : (
                <span aria-disabled="true" className="text-sm text-slate-500">{t("comingSoon")}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
