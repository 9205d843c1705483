// AUTO-3: DELETE /api/faq/{id} removes one FAQ entry (faq:manage).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { deleteFaqEntry } from "@/server/services/faq/library";

export const DELETE = defineMemberRoute({
  action: "faq:manage",
  handler: async ({ member, params }) => callService(deleteFaqEntry, { scope: { member }, id: String(params.id ?? "").slice(0, 200) }),
});
