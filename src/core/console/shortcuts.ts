// NF-5: the console's keyboard shortcuts. Single keys, as in mail clients, and only while focus
// is not in a text field (so typing a reply never triggers one); no modifier keys, which belong
// to the browser and to screen readers. Each action names the element that carries it in the
// page (`data-shortcut`), so the shortcut does exactly what clicking or focusing that element does.
// What a shortcut does is a phrase key (NF-5): the keyboard dialog says it in the member's
// language (`console.shortcuts.actions`, messages/<locale>/console.json; docs/keyboard.md has the English).

export const SHORTCUT_ACTIONS = [
  "help",
  "focus_search",
  "list_assigned",
  "list_unassigned",
  "list_all",
  "list_history",
  "focus_filters",
  "next_chat",
  "previous_chat",
  "reply",
  "star",
  "transfer",
  "end",
  "accept_switch",
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** The key of a shortcut's description in `console.shortcuts.actions`. */
export type ShortcutDescriptionKey =
  | "help"
  | "focusSearch"
  | "listAssigned"
  | "listUnassigned"
  | "listAll"
  | "listHistory"
  | "focusFilters"
  | "nextChat"
  | "previousChat"
  | "reply"
  | "star"
  | "transfer"
  | "end"
  | "acceptSwitch";

export interface Shortcut {
  key: string;
  /** How the key is written for people and for aria-keyshortcuts. */
  label: string;
  action: ShortcutAction;
  /** What it does, as a phrase key the keyboard dialog renders. */
  description: ShortcutDescriptionKey;
  /** What the shortcut does to its element: move focus there, or press it. */
  effect: "focus" | "press" | "move";
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: "?", label: "?", action: "help", description: "help", effect: "press" },
  { key: "/", label: "/", action: "focus_search", description: "focusSearch", effect: "focus" },
  { key: "1", label: "1", action: "list_assigned", description: "listAssigned", effect: "press" },
  { key: "2", label: "2", action: "list_unassigned", description: "listUnassigned", effect: "press" },
  { key: "3", label: "3", action: "list_all", description: "listAll", effect: "press" },
  { key: "4", label: "4", action: "list_history", description: "listHistory", effect: "press" },
  { key: "f", label: "F", action: "focus_filters", description: "focusFilters", effect: "focus" },
  { key: "j", label: "J", action: "next_chat", description: "nextChat", effect: "move" },
  { key: "k", label: "K", action: "previous_chat", description: "previousChat", effect: "move" },
  { key: "r", label: "R", action: "reply", description: "reply", effect: "focus" },
  { key: "s", label: "S", action: "star", description: "star", effect: "press" },
  { key: "t", label: "T", action: "transfer", description: "transfer", effect: "press" },
  { key: "e", label: "E", action: "end", description: "end", effect: "press" },
  { key: "a", label: "A", action: "accept_switch", description: "acceptSwitch", effect: "press" },
];

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Focus is in a text field, a select or an editable element. */
  isTyping: boolean;
  /** A dialog is open: its own keys apply, not the console's. */
  isInDialog: boolean;
}

/** The shortcut a key press means, or null (typing, a modifier, a dialog, or no such key). */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.isTyping || press.isInDialog || press.altKey || press.ctrlKey || press.metaKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((shortcut) => shortcut.key === key) ?? null;
}

export function shortcutOf(action: ShortcutAction): Shortcut {
  return SHORTCUTS.find((shortcut) => shortcut.action === action)!;
}

/** The index to open after `current` (-1: none open) in a list of `count`, or null to stay. */
export function nextIndex(current: number, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  const next = current + direction;
  return next < 0 || next >= count ? null : next;
}
