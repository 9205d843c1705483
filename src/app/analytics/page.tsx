// ANALYTICS-1..4: Service analytics. Owners and admins see the shop and every agent; agents see
// their own figures only (docs/permissions.md). The first figures are rendered on the server;
// the dashboard then reads /api/analytics for other ranges and every minute.
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { AnalyticsDashboard } from "@/components/analytics/analytics-dashboard";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readAnalytics } from "@/server/services/analytics/read-analytics";

export const dynamic = "force-dynamic";

export default async function AnalyticsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const canUse = can(member, "analytics:read_own");
  const initial = canUse ? await callService(readAnalytics, { actor: member, query: { preset: "7d" } }) : null;
  return (
    <main className="mx-auto max-w-7xl p-6">
      <a href="/console" className="text-sm text-brand-600 hover:underline">← Back to the console</a>
      <h1 className="mt-4 text-2xl font-semibold">Service analytics</h1>
      {initial ? (
        <>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            {initial.scope === "shop" ? "Your shop's service figures and every agent's." : "Your own service figures: the chats, ratings and orders credited to you."}{" "}
            Days are the shop&apos;s days ({initial.timeZone}); the note under each figure says how it is computed.
          </p>
          <AnalyticsDashboard initial={initial} canExport={can(member, "analytics:export")} />
        </>
      ) : (
        <p className="mt-2 text-slate-600">Your role cannot open this page.</p>
      )}
    </main>
  );
}
