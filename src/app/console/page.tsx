import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { isSignUpEnabled } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { loadConsoleShell } from "@/server/services/console/load-console-shell";
import { getEmailVerificationStatus } from "@/server/services/onboarding/email-verification";
import { VerifyEmailBanner } from "@/components/onboarding/verify-email-banner";
import { ConsoleShell } from "@/components/console/console-shell";
import { consoleTitle } from "@/components/console/notifications/console-title";

export const dynamic = "force-dynamic";

/** The tab title; the console adds the unread badge in front of it (CONSOLE-8). */
export async function generateMetadata(): Promise<Metadata> {
  const [member, t] = await Promise.all([getCurrentMember(), getTranslations("console.title")]);
  return { title: member ? consoleTitle((key, values) => t(key, values), member.shopName, 0) : t("signedOut") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ConsolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const [shell, query, verification] = await Promise.all([
    callService(loadConsoleShell, { member }),
    searchParams,
    callService(getEmailVerificationStatus, { actor: member }),
  ]);
  const requested = typeof query.c === "string" && UUID.test(query.c) ? query.c.toLowerCase() : null;
  return (
    <ConsoleShell
      member={{
        memberId: member.memberId,
        nickname: member.nickname,
        email: member.email,
        role: member.role,
        shopId: member.shopId,
        shopName: member.shopName,
        acceptAutoAssign: member.acceptAutoAssign,
      }}
      shops={shell.shops}
      // ASSIGN-1: a shop with one member who may chat has no accept switch.
      hasAcceptSwitch={shell.hasAcceptSwitch}
      canSeeAnalytics={can(member, "analytics:read_own")}
      canSeeAllChats={can(member, "session:view_all")}
      // CONSOLE-8: the member's sound / desktop / badge choices (SET-2).
      notificationPrefs={shell.notificationPrefs}
      initialConversationId={requested}
      canCreateShop={isSignUpEnabled()}
      banner={verification.isVerified ? undefined : <VerifyEmailBanner email={verification.email} />}
    />
  );
}
