// AUTO-5: the chatbot's switch. Owners and admins.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readChatbotSettings } from "@/server/services/automation/chatbot";
import { ChatbotSwitch } from "@/components/settings/automation/chatbot-switch";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Chatbot · Automation · Counterpart" };

export default async function ChatbotPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "automation:update")) return <NoAccess what="the chatbot settings" />;
  const settings = await callService(readChatbotSettings, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">← Automation</a></p>
      <PageTitle title="Chatbot" description="Answers general questions from the FAQ library and hands over to a person." />
      <ChatbotSwitch initial={settings} />
      <p className="mt-4 text-sm text-slate-600">The bot answers from the <a href="/settings/faq" className="text-brand-700 underline">FAQ library</a>, at the auto-send threshold set there (or the suggested one).</p>
    </>
  );
}
