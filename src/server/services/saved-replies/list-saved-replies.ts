// AUTO-2: the settings page's list. Without a search: bounded pages by shortcut with a keyset
// cursor (shortcut, id). With ?q=: the best `limit` matches of the typo-tolerant `/` matching
// (src/core/saved-replies/match.ts) and no next page; the scope's bound (500 shop-wide, 200
// personal) keeps that read small.
import { z } from "zod";
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import { matchSavedReplies, PERSONAL_LIMIT, SHOP_WIDE_LIMIT, type SavedReplyScope } from "@/core/saved-replies";
import type { Database } from "@/server/db/client";
import type { SavedRepliesPageDto } from "@/shared/saved-replies";
import { toSavedReplyDto, visibleWhere, type SavedReplyMember } from "./saved-reply-records";

export const SAVED_REPLIES_PAGE_SIZE = 50;
const CursorSchema = z.tuple([z.string().max(100), z.uuid()]);

function encodeCursor(shortcut: string, id: string): string {
  return Buffer.from(JSON.stringify([shortcut, id])).toString("base64url");
}

function decodeCursor(value: string): { shortcut: string; id: string } {
  try {
    const [shortcut, id] = CursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { shortcut, id };
  } catch {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
}

export async function listSavedReplies(
  db: Database,
  input: { member: SavedReplyMember; scope?: SavedReplyScope | "all"; q?: string; cursor?: string; limit?: number },
): Promise<SavedRepliesPageDto> {
  const { member } = input;
  assertCan(member, "saved_reply:read");
  const limit = Math.min(Math.max(input.limit ?? SAVED_REPLIES_PAGE_SIZE, 1), 100);
  const where = visibleWhere(member, input.scope ?? "all");
  const q = input.q?.trim() ?? "";
  if (q) {
    const rows = await db.savedReply.findMany({ where, orderBy: [{ shortcut: "asc" }, { id: "asc" }], take: SHOP_WIDE_LIMIT + PERSONAL_LIMIT });
    return { items: matchSavedReplies(rows, q, limit).map((match) => toSavedReplyDto(member, match.reply)), nextCursor: null };
  }
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.savedReply.findMany({
    where: after ? { AND: [where, { OR: [{ shortcut: { gt: after.shortcut } }, { shortcut: after.shortcut, id: { gt: after.id } }] }] } : where,
    orderBy: [{ shortcut: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((row) => toSavedReplyDto(member, row)), nextCursor: rows.length > limit && last ? encodeCursor(last.shortcut, last.id) : null };
}
