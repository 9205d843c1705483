// AUTO-2: manage saved replies: the shop's (owner and admin edit them) and the member's own.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listSavedReplies } from "@/server/services/saved-replies/list-saved-replies";
import { SavedRepliesPanel } from "@/components/settings/saved-replies-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Saved replies · Counterpart" };

export default async function SavedRepliesPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "saved_reply:read")) return <NoAccess what="saved replies" />;
  const firstPage = await callService(listSavedReplies, { member, scope: "shop" });
  return (
    <>
      <PageTitle
        title="Saved replies"
        description={<>Type <kbd className="rounded border border-slate-300 px-1">/</kbd> in a chat&apos;s reply box to insert one. Variables: {"{buyer}"} (the buyer&apos;s nickname), {"{agent}"} (your nickname), {"{order_id}"} (the chat&apos;s order), {"{shop}"}.</>}
      />
      <SavedRepliesPanel initialPage={firstPage} canManageShop={can(member, "saved_reply:manage_shop")} />
    </>
  );
}
