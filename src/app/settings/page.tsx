import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const canUse = can(member, "settings:read");
  return (
    <main className="mx-auto max-w-3xl p-8">
      <a href="/console" className="text-sm text-brand-600 hover:underline">← Back to the console</a>
      <h1 className="mt-4 text-2xl font-semibold">Settings</h1>
      <p className="mt-2 text-slate-600">
        {canUse ? "Shop, team and personal settings live here." : "Your role cannot open this page."}
      </p>
    </main>
  );
}
