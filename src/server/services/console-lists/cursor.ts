// Keyset cursors for the chat lists: the sort key and id of the last item of a page, opaque to
// the browser (base64url JSON). A cursor that does not decode is a 400, never a wrong page.
import { z } from "zod";
import { AppError } from "@/core/errors";

const CursorSchema = z.tuple([z.number().finite(), z.uuid()]);

export interface ListCursor {
  key: number;
  id: string;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): ListCursor {
  try {
    const [key, id] = CursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { key, id };
  } catch {
    throw new AppError("BAD_INPUT", "Some query parameters are not valid.", { cursor: ["Use the nextCursor of the previous page."] });
  }
}
