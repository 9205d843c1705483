// TEAM-2..TEAM-4: team management (owner, admin); user management (owner).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listInvitations } from "@/server/services/team/list-invitations";
import { listTeam } from "@/server/services/team/list-team";
import { TeamManager } from "@/components/settings/team-manager";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pages.team");
  return { title: t("metaTitle") };
}

export default async function TeamPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const t = await getTranslations("settings.pages.team");
  if (!can(member, "team:read")) return <NoAccess what={t("noAccess")} />;
  const canManageUsers = can(member, "team:manage_invitations");
  const [members, invitations] = await Promise.all([
    callService(listTeam, { actor: member }),
    canManageUsers ? callService(listInvitations, { actor: member }) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageTitle
        title={t("title")}
        description={canManageUsers ? t("descriptionManage") : t("descriptionView")}
      />
      <TeamManager
        selfMemberId={member.memberId}
        permissions={{ canManageUsers, canApproveNicknames: can(member, "team:approve_nickname") }}
        initialMembers={members}
        initialInvitations={invitations}
      />
    </>
  );
}
