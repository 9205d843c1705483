// CONSOLE-6, ASSIGN-8: GET /api/console/conversations/{conversationId} — the chat window's
// header and buyer panel in one read (read-conversation-details.ts). A chat the member may not
// see is "not found".
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { readConversationDetails } from "@/server/services/conversations/read-conversation-details";
import { requireUuidParam } from "@/server/services/integration/parse-request";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: ({ member, params }) =>
    callService(readConversationDetails, { member, conversationId: requireUuidParam(params, "conversationId", "chat") }),
});
