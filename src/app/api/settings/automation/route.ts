// /settings/automation overview (AUTO-1..6): every tool with its state. Owners and admins.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getAutomationOverview } from "@/server/services/automation/automation-settings";

export const GET = defineMemberRoute({
  action: "automation:update",
  handler: ({ member }) => callService(getAutomationOverview, { actor: member }),
});
