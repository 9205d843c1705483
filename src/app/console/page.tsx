import { redirect } from "next/navigation";
import { can } from "@/core/permissions";
import { getDb } from "@/server/db/client";
import { getCurrentMember } from "@/server/http/current-member";
import { listUserShops } from "@/server/services/resolve-member";
import { ConsoleShell } from "@/components/console/console-shell";

export const dynamic = "force-dynamic";

export default async function ConsolePage() {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const db = getDb();
  const [shops, activeMembers] = await Promise.all([
    listUserShops(db, member.userId),
    db.member.count({ where: { shopId: member.shopId, status: "active", deletedAt: null } }),
  ]);
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
      shops={shops}
      // ASSIGN-1: a shop with one member who may chat has no accept switch.
      hasAcceptSwitch={activeMembers > 1}
      canSeeSettings={true}
      canSeeAnalytics={can(member, "analytics:read")}
    />
  );
}
