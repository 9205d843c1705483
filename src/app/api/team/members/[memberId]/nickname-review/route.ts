// TEAM-4: the owner approves or rejects a nickname under review.
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { reviewNickname } from "@/server/services/team/review-nickname";
import { ZNicknameDecisionSchema } from "@/shared/team";

export const POST = defineMemberRoute({
  action: "team:approve_nickname",
  body: ZNicknameDecisionSchema,
  handler: ({ member, body, params }) => performService(reviewNickname, { actor: member, memberId: String(params.memberId), decision: body.decision }),
});
