// SHOP-4, SHOP-5: putting the chat on the storefront, for owners and admins: the snippet with
// the public key, the identity secret (reveal, copy, rotate), the allowed storefront origins, a
// test chat and the next steps, each done or not from the shop's data.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getConfig } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { loadGettingStarted } from "@/server/services/onboarding/getting-started";
import { IdentitySecretPanel } from "@/components/onboarding/identity-secret-panel";
import { SetupChecklist } from "@/components/onboarding/setup-checklist";
import { WidgetSnippet } from "@/components/onboarding/widget-snippet";
import { NoAccess, Notice, PageTitle, SettingsSection } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.gettingStarted");
  return { title: t("metaTitle") };
}

export default async function GettingStartedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("onboarding.gettingStarted");
  if (!can(member, "settings:update")) return <NoAccess what={t("noAccess")} />;
  const [data, query] = await Promise.all([callService(loadGettingStarted, { actor: member }), searchParams]);
  const configuredOrigin = getConfig().PUBLIC_URL ? new URL(getConfig().PUBLIC_URL!).origin : null;
  return (
    <>
      <PageTitle title={t("title")} description={t("description", { shop: data.shopName })} />
      <div className="space-y-6">
        {query.welcome === "1" && <Notice tone="success" testId="welcome-notice">{t("welcome", { shop: data.shopName })}</Notice>}
        <SettingsSection title={t("addChatTitle")} headingId="section-1-add-the-chat-to-your-storefront" description={t("addChatDescription", { tag: "</body>" })}>
          <WidgetSnippet publicKey={data.publicKey} configuredOrigin={configuredOrigin} />
        </SettingsSection>
        <SettingsSection title={t("allowTitle")} headingId="section-allowed-origins"
          description={t("allowDescription")}>
          {data.allowedOrigins.length > 0 ? (
            <ul data-testid="allowed-origins" className="list-inside list-disc text-sm text-slate-700">
              {data.allowedOrigins.map((origin) => <li key={origin}><code>{origin}</code></li>)}
            </ul>
          ) : (
            <p className="text-sm text-slate-600" data-testid="allowed-origins">{t("noOrigins")}</p>
          )}
          <a href="/settings/shop#allowedOrigins" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">{t("editOrigins")}</a>
        </SettingsSection>
        <SettingsSection title={t("testTitle")} headingId="section-3-send-a-test-message" description={t("testDescription")}>
          <a href="/settings/getting-started/test-chat" target="_blank" rel="noopener" data-testid="test-chat-link"
            className="inline-block rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("testLink")}</a>
        </SettingsSection>
        <SettingsSection title={t("secretTitle")} headingId="section-identity-secret-optional-"
          description={t("secretDescription")}>
          <IdentitySecretPanel initialPreviousValidUntil={data.previousSecretValidUntil} />
        </SettingsSection>
        <SettingsSection title={t("nextSteps")} headingId="section-next-steps">
          <SetupChecklist steps={data.steps} />
        </SettingsSection>
      </div>
    </>
  );
}
