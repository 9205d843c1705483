// SET-2: sound, desktop notifications, tab badge.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getPersonalSettings } from "@/server/services/team/get-personal-settings";
import { NotificationSettingsForm } from "@/components/settings/notification-settings-form";
import { PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications · Counterpart" };

export default async function NotificationSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const settings = await callService(getPersonalSettings, { actor: member });
  return (
    <>
      <PageTitle title="Notifications" />
      <NotificationSettingsForm initial={settings.notificationPrefs} />
    </>
  );
}
