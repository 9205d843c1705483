// AUTO-2: what a saved reply may look like, shared by the settings form, the API and the CSV
// import so all three refuse the same things with the same words. Pure.

export const SAVED_REPLY_SCOPES = ["shop", "personal"] as const;
export type SavedReplyScope = (typeof SAVED_REPLY_SCOPES)[number];

export const SHORTCUT_MAX = 32;
export const TITLE_MAX = 100;
/** A message holds at most 4,000 characters (MAX_TEXT_LENGTH); a filled body should fit. */
export const BODY_MAX = 4_000;
/** Bounds that keep every read and every `/` search small (NF: bounded reads). */
export const SHOP_WIDE_LIMIT = 500;
export const PERSONAL_LIMIT = 200;

/** Typed right after `/` in the composer, so one word: letters, digits, `-` and `_`. */
const SHORTCUT = /^[\p{L}\p{N}_-]+$/u;
export const SHORTCUT_MESSAGE = `Use 1 to ${SHORTCUT_MAX} letters, digits, - or _ (no spaces).`;

/** Shortcuts are matched without regard to case or a leading `/`, so they are stored that way. */
export function normalizeShortcut(value: string): string {
  return value.trim().replace(/^\/+/, "").toLowerCase();
}

export function isValidShortcut(normalized: string): boolean {
  return normalized.length >= 1 && normalized.length <= SHORTCUT_MAX && SHORTCUT.test(normalized);
}

/** The action a change in this scope needs (src/core/permissions/matrix.ts). */
export function manageActionFor(scope: SavedReplyScope): "saved_reply:manage_shop" | "saved_reply:manage_own" {
  return scope === "shop" ? "saved_reply:manage_shop" : "saved_reply:manage_own";
}
