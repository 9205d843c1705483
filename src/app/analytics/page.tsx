// ANALYTICS-1..4: Service analytics. Owners and admins see the shop and every agent; agents see
// their own figures only (docs/permissions.md). The first figures are rendered on the server;
// the dashboard then reads /api/analytics for other ranges and every minute.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { AnalyticsDashboard } from "@/components/analytics/analytics-dashboard";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readAnalytics } from "@/server/services/analytics/read-analytics";

export const dynamic = "force-dynamic";

export default async function AnalyticsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("analytics.page");
  const canUse = can(member, "analytics:read_own");
  const initial = canUse ? await callService(readAnalytics, { actor: member, query: { preset: "7d" } }) : null;
  return (
    <main className="mx-auto max-w-7xl p-6">
      <a href="/console" className="text-sm text-brand-600 hover:underline">{t("back")}</a>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      {initial ? (
        <>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            {initial.scope === "shop" ? t("introShop") : t("introOwn")}{" "}
            {t("days", { timeZone: initial.timeZone })}
          </p>
          <AnalyticsDashboard initial={initial} canExport={can(member, "analytics:export")} />
        </>
      ) : (
        <p className="mt-2 text-slate-600">{t("noAccess")}</p>
      )}
    </main>
  );
}
