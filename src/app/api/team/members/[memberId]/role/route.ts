// TEAM-3: the owner changes a member's role (admin or agent).
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { changeMemberRole } from "@/server/services/team/change-member-role";
import { ZChangeRoleSchema } from "@/shared/team";

export const PUT = defineMemberRoute({
  action: "team:change_role",
  body: ZChangeRoleSchema,
  handler: ({ member, body, params }) => performService(changeMemberRole, { actor: member, memberId: String(params.memberId), role: body.role }),
});
