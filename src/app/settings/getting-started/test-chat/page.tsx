// SHOP-5: "Send a test message": the shop's widget as a buyer sees it, on a page of the app (the
// app's own origin may always embed the widget). The chat opens by itself; a message sent here
// is routed like any buyer's (ASSIGN-1: to the owner while they are the shop's only member).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { loadGettingStarted } from "@/server/services/onboarding/getting-started";
import { TestChatWidget } from "@/components/onboarding/test-chat-widget";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test chat · Counterpart" };

export default async function TestChatPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "settings:update")) return <NoAccess what="the test chat" />;
  const data = await callService(loadGettingStarted, { actor: member });
  return (
    <>
      <PageTitle title="Test chat" description={`This is ${data.shopName}'s chat as your buyers see it.`} />
      <ol className="list-inside list-decimal space-y-1 text-sm text-slate-700">
        <li>Type a message in the chat at the bottom right (open it with the button if it is closed) and send it.</li>
        <li>Open the <a href="/console" className="font-medium text-brand-700 hover:underline" target="_blank" rel="noopener">console</a>: while you are the shop&apos;s only member the chat is assigned to you (Assigned); with a team it is routed to an agent or waits in Unassigned.</li>
        <li>Take the chat and reply: the answer appears here.</li>
      </ol>
      <TestChatWidget publicKey={data.publicKey} />
    </>
  );
}
