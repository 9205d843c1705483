// SET-6, AUTO-4: PUT /api/faq/settings sets the shop's auto-send threshold (automation:update); null switches it off.
import { z } from "zod";
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { updateAutoSendThreshold } from "@/server/services/faq/auto-send-settings";

const Body = z.object({ autoSendThreshold: z.number().min(0.5, "At least 0.5.").max(1, "At most 1.").nullable() });

export const PUT = defineMemberRoute({
  action: "automation:update",
  body: Body,
  handler: async ({ member, body }) => callService(updateAutoSendThreshold, { actor: member, autoSendThreshold: body.autoSendThreshold }),
});
