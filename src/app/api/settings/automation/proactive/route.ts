// AUTO-6: the proactive order message templates, one per status. Owners and admins.
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { getProactiveTemplates, updateProactiveTemplates } from "@/server/services/automation/automation-settings";
import { ZProactiveTemplatesSchema } from "@/shared/automation";

export const GET = defineMemberRoute({
  action: "automation:update",
  handler: ({ member }) => callService(getProactiveTemplates, { actor: member }),
});

export const PUT = defineMemberRoute({
  action: "automation:update",
  body: ZProactiveTemplatesSchema,
  handler: ({ member, body }) => callService(updateProactiveTemplates, { actor: member, templates: body }),
});
