// SHOP-4, SHOP-5: putting the chat on the storefront, for owners and admins: the snippet with
// the public key, the identity secret (reveal, copy, rotate), the allowed storefront origins, a
// test chat and the next steps, each done or not from the shop's data.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
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
export const metadata: Metadata = { title: "Getting started · Counterpart" };

export default async function GettingStartedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "settings:update")) return <NoAccess what="the getting-started page" />;
  const [data, query] = await Promise.all([callService(loadGettingStarted, { actor: member }), searchParams]);
  const configuredOrigin = getConfig().PUBLIC_URL ? new URL(getConfig().PUBLIC_URL!).origin : null;
  return (
    <>
      <PageTitle title="Getting started" description={`Put the chat on ${data.shopName}'s storefront and bring in your team.`} />
      <div className="space-y-6">
        {query.welcome === "1" && <Notice tone="success" testId="welcome-notice">Welcome! {data.shopName} is ready. Follow these steps to start chatting with your buyers.</Notice>}
        <SettingsSection title="1. Add the chat to your storefront" description="Paste this tag before </body> on every page of your shop. The chat button appears at the bottom right.">
          <WidgetSnippet publicKey={data.publicKey} configuredOrigin={configuredOrigin} />
        </SettingsSection>
        <SettingsSection title="2. Allow your storefront's address" headingId="section-allowed-origins"
          description="Only the websites listed in Shop settings may show your chat. While the list is empty, any website may (docs: security, widget origins).">
          {data.allowedOrigins.length > 0 ? (
            <ul data-testid="allowed-origins" className="list-inside list-disc text-sm text-slate-700">
              {data.allowedOrigins.map((origin) => <li key={origin}><code>{origin}</code></li>)}
            </ul>
          ) : (
            <p className="text-sm text-slate-600" data-testid="allowed-origins">No website is listed yet: any site can embed your chat.</p>
          )}
          <a href="/settings/shop#allowedOrigins" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">Edit the allowed websites</a>
        </SettingsSection>
        <SettingsSection title="3. Send a test message" description="Opens your chat as a buyer sees it. Send a message, then answer it in the console: while you are the shop's only member every chat is assigned to you.">
          <a href="/settings/getting-started/test-chat" target="_blank" rel="noopener" data-testid="test-chat-link"
            className="inline-block rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">Send a test message</a>
        </SettingsSection>
        <SettingsSection title="Identity secret (optional)"
          description="Your server signs a short-lived token with this secret so that signed-in customers chat under their own name (docs: widget, identified buyers). Keep it on your server; never put it in a page.">
          <IdentitySecretPanel initialPreviousValidUntil={data.previousSecretValidUntil} />
        </SettingsSection>
        <SettingsSection title="Next steps">
          <SetupChecklist steps={data.steps} />
        </SettingsSection>
      </div>
    </>
  );
}
