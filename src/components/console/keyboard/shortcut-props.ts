// NF-5: marks the element a console shortcut acts on (src/core/console/shortcuts.ts), and tells
// assistive technology which key reaches it (aria-keyshortcuts).
import { shortcutOf, type ShortcutAction } from "@/core/console/shortcuts";

export function shortcutProps(action: ShortcutAction): { "data-shortcut": ShortcutAction; "aria-keyshortcuts": string } {
  return { "data-shortcut": action, "aria-keyshortcuts": shortcutOf(action).label };
}
