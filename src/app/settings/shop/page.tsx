// SET-6: shop settings; read-only for agents (TEAM-1).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getShopSettings } from "@/server/services/team/shop-settings";
import { ShopSettingsForm } from "@/components/settings/shop-settings-form";
import { TranslationSettingsForm } from "@/components/settings/translation-settings-form";
import { getShopTranslationSettings } from "@/server/services/translation/translation-settings";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.shop");
  return { title: t("metaTitle") };
}

export default async function ShopSettingsPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("settings.pages.shop");
  if (!can(member, "settings:read")) return <NoAccess what={t("noAccess")} />;
  const [settings, translation] = await Promise.all([callService(getShopSettings, { actor: member }), callService(getShopTranslationSettings, { actor: member })]);
  return (
    <>
      <PageTitle title={t("title")} description={t("description", { shop: member.shopName })} />
      <ShopSettingsForm initial={settings} canEdit={can(member, "settings:update")} />
      <div className="mt-6"><TranslationSettingsForm initial={translation} canEdit={can(member, "settings:update")} /></div>
    </>
  );
}
