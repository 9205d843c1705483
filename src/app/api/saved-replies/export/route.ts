// AUTO-2: GET — the saved replies the member sees as CSV (header shortcut,title,body,scope).
import { defineMemberRoute } from "@/server/http/define-route";
import { callService } from "@/server/services/call-service";
import { exportSavedRepliesCsv } from "@/server/services/saved-replies/saved-replies-csv";

export const GET = defineMemberRoute({
  action: "saved_reply:read",
  handler: async ({ member }) => {
    const file = await callService(exportSavedRepliesCsv, { member });
    return new Response(file.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  },
});
