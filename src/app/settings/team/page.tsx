// TEAM-2..TEAM-4: team management (owner, admin); user management (owner).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { callService } from "@/server/services/call-service";
import { listInvitations } from "@/server/services/team/list-invitations";
import { listTeam } from "@/server/services/team/list-team";
import { TeamManager } from "@/components/settings/team-manager";
import { NoAccess, PageTitle } from "@/components/settings/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team · Counterpart" };

export default async function TeamPage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  if (!can(member, "team:read")) return <NoAccess what="team management" />;
  const canManageUsers = can(member, "team:manage_invitations");
  const [members, invitations] = await Promise.all([
    callService(listTeam, { actor: member }),
    canManageUsers ? callService(listInvitations, { actor: member }) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageTitle
        title="Team"
        description={canManageUsers
          ? "Add users, set their role and capacity, and deactivate or delete them."
          : "Members, their capacity and whether they accept chats. The owner adds and removes users."}
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
