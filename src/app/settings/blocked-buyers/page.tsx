// SET-4: the shop's blocked buyers: who, why, by whom and when, searchable, with unblock.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listBlockedBuyers } from "@/server/services/buyers/list-blocked-buyers";
import { BlockedBuyersPanel } from "@/components/settings/blocked-buyers-panel";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Blocked buyers · Counterpart" };

export default async function BlockedBuyersPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "buyer:list_blocked")) return <NoAccess what="the blocked buyers" />;
  const firstPage = await callService(listBlockedBuyers, { member });
  return (
    <>
      <PageTitle
        title="Blocked buyers"
        description="Blocked buyers cannot write to the shop and are not asked to rate chats. Unblock someone to let them chat again; their history stays."
      />
      <BlockedBuyersPanel initialPage={firstPage} canUnblock={can(member, "buyer:block")} />
    </>
  );
}
