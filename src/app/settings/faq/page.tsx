// AUTO-3, AUTO-4, SET-6: the FAQ library and the auto-send threshold (docs/faq.md).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readAutoSendSettings } from "@/server/services/faq/auto-send-settings";
import { FaqLibraryPanel } from "@/components/settings/faq-library-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "FAQ library · Counterpart" };

export default async function FaqSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "faq:read")) return <NoAccess what="the FAQ library" />;
  const settings = await callService(readAutoSendSettings, { actor: member });
  return (
    <>
      <PageTitle title="FAQ library" description="Questions buyers often ask, with their answers. Agents see the best matches beside the composer; above the threshold the answer is sent automatically." />
      <FaqLibraryPanel canManage={can(member, "faq:manage")} canSetThreshold={can(member, "automation:update")} initialSettings={settings} />
    </>
  );
}
