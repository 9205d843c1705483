// Keyset cursors for the chat lists: the sort key and id of the last item of a page, opaque to
// the browser (base64url JSON). A cursor that does not decode is a 400, never a wrong page and
// never a 500: a History cursor's key is a closing time, so it must be a date PostgreSQL stores
// (NF-3: `new Date(1e300).toISOString()` throws a RangeError, year 275760 fails the SQL cast).
import { z } from "zod";
import { AppError } from "@/core/errors";
import { isStorableEpochMs } from "@/shared/zod-primitives";

/** Sort keys are epoch ms, their negation, or 1e15 minus them (list-chats.ts): well inside this. */
const MAX_SORT_KEY = 1e16;
const CursorSchema = z.tuple([z.number().finite().min(-MAX_SORT_KEY).max(MAX_SORT_KEY), z.uuid()]);

export interface ListCursor {
  key: number;
  id: string;
}

/** "sort-key": any list's computed key; "epoch-ms": the History list, keyed by closing time. */
export type CursorKeyKind = "sort-key" | "epoch-ms";

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string, kind: CursorKeyKind = "sort-key"): ListCursor {
  let decoded: ListCursor | null = null;
  try {
    const [key, id] = CursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    decoded = { key, id };
  } catch {
    decoded = null;
  }
  if (!decoded || (kind === "epoch-ms" && !isStorableEpochMs(decoded.key))) {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
  return decoded;
}
