// MAIL-1: the shop's outgoing mail, newest first, 20 a page, with the links to copy. Owners and
// admins (mail:read_outbox); invitation links only for the owner, who manages invitations. The
// service scopes everything to the signed-in member's shop.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getConfig } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listOutbox } from "@/server/services/mail/list-outbox";
import { OutboxList } from "@/components/settings/outbox-list";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
// The page shows live links: never send it as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.outbox");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in?callbackUrl=/settings/outbox");
  const t = await getTranslations("settings.pages.outbox");
  if (!can(member, "mail:read_outbox")) return <NoAccess what={t("noAccess")} />;
  const { page } = await searchParams;
  const requested = typeof page === "string" && /^\d{1,6}$/.test(page) ? Number(page) : 1;
  const outbox = await callService(listOutbox, { actor: member, page: requested });
  const smtpConfigured = Boolean(getConfig().SMTP_URL);
  const ownerOnly = can(member, "team:manage_invitations") ? "" : ` ${t("ownerOnly")}`;
  return (
    <>
      <PageTitle
        title={t("title")}
        description={`${t(smtpConfigured ? "descriptionSmtp" : "descriptionNoSmtp")}${ownerOnly}`}
      />
      <OutboxList outbox={outbox} />
    </>
  );
}
