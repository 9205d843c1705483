// AUTO-4: GET the top FAQ answers for the chat's latest buyer message, for the panel beside the composer.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { recommendForConversation } from "@/server/services/faq/recommend-for-conversation";

export const GET = defineMemberRoute({
  action: "faq:read",
  handler: async ({ member, params }) => callService(recommendForConversation, { actor: member, conversationId: String(params.conversationId ?? "") }),
});
