// SET-2: sound, desktop notifications, tab badge.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getPersonalSettings } from "@/server/services/team/get-personal-settings";
import { NotificationSettingsForm } from "@/components/settings/notification-settings-form";
import { PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.notifications");
  return { title: t("metaTitle") };
}

export default async function NotificationSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const settings = await callService(getPersonalSettings, { actor: member });
  const t = await getTranslations("settings.pages.notifications");
  return (
    <>
      <PageTitle title={t("title")} />
      <NotificationSettingsForm initial={settings.notificationPrefs} />
    </>
  );
}
