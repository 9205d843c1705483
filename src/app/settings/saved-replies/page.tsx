// AUTO-2: manage saved replies: the shop's (owner and admin edit them) and the member's own.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listSavedReplies } from "@/server/services/saved-replies/list-saved-replies";
import { SavedRepliesPanel } from "@/components/settings/saved-replies-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.savedRepliesPage");
  return { title: t("metaTitle") };
}

export default async function SavedRepliesPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.savedRepliesPage");
  if (!can(member, "saved_reply:read")) return <NoAccess what={t("noAccess")} />;
  const firstPage = await callService(listSavedReplies, { member, scope: "shop" });
  return (
    <>
      <PageTitle
        title={t("title")}
        description={t.rich("description", { buyer: "{buyer}", agent: "{agent}", order_id: "{order_id}", shop: "{shop}", key: (chunks) => <kbd className="rounded border border-slate-300 px-1">{chunks}</kbd> })}
      />
      <SavedRepliesPanel initialPage={firstPage} canManageShop={can(member, "saved_reply:manage_shop")} />
    </>
  );
}
