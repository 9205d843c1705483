// TEAM-3: the owner changes a member's role (admin or agent).
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { changeMemberRole } from "@/server/services/team/change-member-role";
import { ZChangeRoleSchema } from "@/shared/team";

export const PUT = defineMemberRoute({
  action: "team:change_role",
  body: ZChangeRoleSchema,
  handler: ({ member, body, params }) => changeMemberRole(getDb(), { actor: member, memberId: String(params.memberId), role: body.role }),
});
