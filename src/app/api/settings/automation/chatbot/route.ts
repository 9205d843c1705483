// AUTO-5: the chatbot's per-shop switch (off by default). Owners and admins.
import { z } from "zod";
import { defineMemberRoute } from "@/server/http/define-route";
import { callService, performService } from "@/server/services/call-service";
import { readChatbotSettings, updateChatbotSettings } from "@/server/services/automation/chatbot";

export const GET = defineMemberRoute({
  action: "automation:update",
  handler: ({ member }) => callService(readChatbotSettings, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "automation:update",
  body: z.object({ enabled: z.boolean() }).strict(),
  // Switching off hands the bot's chats to people: the service asks for a drain (ASSIGN-4).
  handler: ({ member, body }) => performService(updateChatbotSettings, { actor: member, enabled: body.enabled }),
});
