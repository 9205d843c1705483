// The settings area: the console's header, a left sub-navigation showing what the member's role
// may open, and the page. Every page checks its own permission too; the menu is a courtesy.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { getEmailVerificationStatus } from "@/server/services/onboarding/email-verification";
import { SettingsNav, type SettingsNavItem } from "@/components/settings/settings-nav";
import { VerifyEmailBanner } from "@/components/onboarding/verify-email-banner";

export const dynamic = "force-dynamic";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const verification = await callService(getEmailVerificationStatus, { actor: member });
  const t = await getTranslations("settings");
  const nav = (key: string) => t(`nav.${key}`);
  const items: SettingsNavItem[] = [
    // SHOP-5: the widget snippet, the identity secret and the next steps.
    ...(can(member, "settings:update") ? [{ href: "/settings/getting-started", label: nav("gettingStarted") }] : []),
    { href: "/settings/personal", label: nav("personal") },
    { href: "/settings/notifications", label: nav("notifications") },
    ...(can(member, "team:read") ? [{ href: "/settings/team", label: nav("team") }] : []),
    ...(can(member, "mail:read_outbox") ? [{ href: "/settings/outbox", label: nav("outbox") }] : []),
    ...(can(member, "agent_settings:update") ? [{ href: "/settings/agent", label: nav("agent") }] : []),
    ...(can(member, "settings:read") ? [{ href: "/settings/shop", label: nav("shop") }] : []),
    // AUTO-1..6: greeting, saved replies, FAQ, recommendations, chatbot, order messages.
    ...(can(member, "automation:update") ? [{ href: "/settings/automation", label: nav("automation") }] : []),
    // AUTO-2: every member has personal saved replies; the shop's are edited by owner and admin.
    ...(can(member, "saved_reply:read") ? [{ href: "/settings/saved-replies", label: nav("savedReplies") }] : []),
    // AUTO-3, AUTO-4: the FAQ library and automatic answers.
    ...(can(member, "faq:read") ? [{ href: "/settings/faq", label: nav("faq") }] : []),
    ...(can(member, "buyer:list_blocked") ? [{ href: "/settings/blocked-buyers", label: nav("blockedBuyers") }] : []),
    ...(can(member, "api_token:manage") ? [{ href: "/settings/api", label: nav("api") }] : []),
  ];
  return (
    <div className="flex h-screen flex-col">
      <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-3">
          <a href="/console" className="text-lg font-semibold tracking-tight text-brand-700">Counterpart</a>
          <span className="text-sm text-slate-500" data-testid="shop-name">{member.shopName}</span>
          <span aria-hidden className="text-slate-300">/</span>
          <span className="text-sm font-medium text-slate-700">{t("layout.settings")}</span>
        </div>
        <div className="flex items-center gap-4 text-sm">
          <span className="text-slate-500">{t("layout.memberLine", { nickname: member.nickname, role: t(`layout.role.${member.role}`) })}</span>
          <a href="/console" className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-50">{t("layout.backToConsole")}</a>
        </div>
      </header>
      {!verification.isVerified && <VerifyEmailBanner email={verification.email} />}
      <div className="flex min-h-0 flex-1">
        <SettingsNav items={items} />
        <main className="min-w-0 flex-1 overflow-y-auto bg-slate-50 p-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
