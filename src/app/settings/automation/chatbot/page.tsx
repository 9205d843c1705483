// AUTO-5: the chatbot's switch. Owners and admins.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { readChatbotSettings } from "@/server/services/automation/chatbot";
import { ChatbotSwitch } from "@/components/settings/automation/chatbot-switch";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("automation.chatbotPage");
  return { title: t("metaTitle") };
}

export default async function ChatbotPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("automation.chatbotPage");
  if (!can(member, "automation:update")) return <NoAccess what={t("noAccess")} />;
  const settings = await callService(readChatbotSettings, { actor: member });
  return (
    <>
      <p className="mb-2 text-sm"><a href="/settings/automation" className="text-brand-700 underline">{t("back")}</a></p>
      <PageTitle title={t("title")} description={t("description")} />
      <ChatbotSwitch initial={settings} />
      <p className="mt-4 text-sm text-slate-600">{t.rich("answersFrom", { link: (chunks) => <a href="/settings/faq" className="text-brand-700 underline">{chunks}</a> })}</p>
    </>
  );
}
