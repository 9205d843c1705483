// SET-1: nickname, avatar, default language; "change password" (ACCOUNT-2) and "sign out
// everywhere" (issue 15 item 4).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getPersonalSettings } from "@/server/services/team/get-personal-settings";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { PersonalSettingsForm } from "@/components/settings/personal-settings-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.personal");
  return { title: t("metaTitle") };
}

export default async function PersonalSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const settings = await callService(getPersonalSettings, { actor: member });
  const t = await getTranslations("settings.pages.personal");
  return (
    <>
      <PageTitle title={t("title")} description={t("description")} />
      <PersonalSettingsForm initial={settings} />
      <div className="mt-6">
        <ChangePasswordForm email={settings.email} />
      </div>
      <div className="mt-6">
        <SignOutEverywhere />
      </div>
    </>
  );
}
