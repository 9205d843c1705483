// SHOP-5: "Send a test message": the shop's widget as a buyer sees it, on a page of the app (the
// app's own origin may always embed the widget). The chat opens by itself; a message sent here
// is routed like any buyer's (ASSIGN-1: to the owner while they are the shop's only member).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { loadGettingStarted } from "@/server/services/onboarding/getting-started";
import { TestChatWidget } from "@/components/onboarding/test-chat-widget";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.testChat");
  return { title: t("metaTitle") };
}

export default async function TestChatPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("onboarding.testChat");
  if (!can(member, "settings:update")) return <NoAccess what={t("noAccess")} />;
  const data = await callService(loadGettingStarted, { actor: member });
  return (
    <>
      <PageTitle title={t("title")} description={t("description", { shop: data.shopName })} />
      <ol className="list-inside list-decimal space-y-1 text-sm text-slate-700">
        <li>{t("stepType")}</li>
        <li>{t.rich("stepConsole", { console: (chunks) => <a href="/console" className="font-medium text-brand-700 hover:underline" target="_blank" rel="noopener">{chunks}</a> })}</li>
        <li>{t("stepReply")}</li>
      </ol>
      <TestChatWidget publicKey={data.publicKey} />
    </>
  );
}
