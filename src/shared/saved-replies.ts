// AUTO-2: the shapes of /api/saved-replies, shared by the routes, the settings page and the
// composer's `/` picker, so the browser and the server refuse the same input with the same words.
import { z } from "zod";
import {
  BODY_MAX,
  isValidShortcut,
  normalizeShortcut,
  SAVED_REPLY_SCOPES,
  SHORTCUT_MESSAGE,
  TITLE_MAX,
  unknownVariables,
  unknownVariablesMessage,
  type SavedReplyScope,
} from "@/core/saved-replies";
import { safeLine, safeText } from "@/shared/zod-primitives";

export const ZSavedReplyShortcut = safeLine()
  .transform(normalizeShortcut)
  .refine(isValidShortcut, SHORTCUT_MESSAGE);

export const ZSavedReplyTitle = safeLine().trim().min(1, "Give it a title.").max(TITLE_MAX, `At most ${TITLE_MAX} characters.`);

export const ZSavedReplyBody = safeText()
  .refine((value) => value.trim().length > 0, "Write the reply.")
  .refine((value) => value.length <= BODY_MAX, `At most ${BODY_MAX.toLocaleString("en")} characters.`)
  .superRefine((value, context) => {
    const unknown = unknownVariables(value);
    if (unknown.length > 0) context.addIssue({ code: "custom", message: unknownVariablesMessage(unknown) });
  });

export const ZSavedReplyScope = z.enum(SAVED_REPLY_SCOPES, { message: "Use shop or personal." });

export const ZSavedReplyCreate = z.object({
  scope: ZSavedReplyScope,
  shortcut: ZSavedReplyShortcut,
  title: ZSavedReplyTitle,
  body: ZSavedReplyBody,
});

/** The scope of a reply is fixed once made; everything else may change. */
export const ZSavedReplyUpdate = z
  .object({ shortcut: ZSavedReplyShortcut.optional(), title: ZSavedReplyTitle.optional(), body: ZSavedReplyBody.optional() })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Change at least one of shortcut, title or body.");

export const ZSavedRepliesQuery = z.object({
  scope: z.enum(["shop", "personal", "all"]).optional(),
  q: safeLine().trim().max(100, "At most 100 characters.").optional(),
  cursor: safeLine().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ZSavedReplySuggestQuery = z.object({
  conversationId: z.uuid("Use a chat id."),
  q: safeLine().max(100, "At most 100 characters.").optional(),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});

/** The CSV arrives as text inside JSON: a JSON body is what every cookie route accepts (CSRF). */
export const ZSavedReplyImport = z.object({ csv: safeText().min(1, "The file is empty.") });

export interface SavedReplyDto {
  id: string;
  scope: SavedReplyScope;
  shortcut: string;
  title: string;
  body: string;
  /** Whether the signed-in member may edit and delete it. */
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SavedRepliesPageDto {
  items: SavedReplyDto[];
  /** Null when this is the last page, and always for a search (the best `limit` matches). */
  nextCursor: string | null;
}

/** One entry of the composer's `/` list: the body with this chat's variables filled in. */
export interface SavedReplySuggestionDto {
  id: string;
  scope: SavedReplyScope;
  shortcut: string;
  title: string;
  /** The body ready to insert. */
  text: string;
  /** Variables without a value in this chat, left in `text` as `{name}`. */
  missing: string[];
}

export interface SavedReplyImportResultDto {
  created: number;
  updated: number;
}

export const SAVED_REPLY_CSV_HEADER = ["shortcut", "title", "body", "scope"] as const;
