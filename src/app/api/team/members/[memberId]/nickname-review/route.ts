// TEAM-4: the owner approves or rejects a nickname under review.
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { reviewNickname } from "@/server/services/team/review-nickname";
import { ZNicknameDecisionSchema } from "@/shared/team";

export const POST = defineMemberRoute({
  action: "team:approve_nickname",
  body: ZNicknameDecisionSchema,
  handler: ({ member, body, params }) => reviewNickname(getDb(), { actor: member, memberId: String(params.memberId), decision: body.decision }),
});
