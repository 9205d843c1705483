// AUTO-2: POST {csv} — import a CSV of saved replies: every bad row is reported by line
// (fieldErrors "line N") and then nothing is written.
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { importSavedRepliesCsv } from "@/server/services/saved-replies/saved-replies-csv";
import { ZSavedReplyImport } from "@/shared/saved-replies";

export const POST = defineMemberRoute({
  action: "saved_reply:manage_own",
  body: ZSavedReplyImport,
  handler: ({ member, body }) => performService(importSavedRepliesCsv, { member, csv: body.csv }),
});
