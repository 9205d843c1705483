import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHORTCUTS, SHORTCUT_ACTIONS, nextIndex, shortcutFor, shortcutOf, type KeyPress } from "./shortcuts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, isTyping: false, isInDialog: false, ...extra });

describe("NF-5 console keyboard shortcuts", () => {
  it("every action has exactly one key, and no key two actions", () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
    expect(SHORTCUTS.map((shortcut) => shortcut.action).sort()).toEqual([...SHORTCUT_ACTIONS].sort());
    for (const action of SHORTCUT_ACTIONS) expect(shortcutOf(action).action).toBe(action);
  });

  it.each([
    ["/", "focus_search"],
    ["1", "list_assigned"],
    ["4", "list_history"],
    ["j", "next_chat"],
    ["J", "next_chat"],
    ["r", "reply"],
    ["?", "help"],
  ])("%s means %s", (key, action) => {
    expect(shortcutFor(press(key))?.action).toBe(action);
  });

  it("nothing fires while typing, in a dialog, or with a modifier (property)", () => {
    fc.assert(fc.property(
      fc.constantFrom(...SHORTCUTS.map((shortcut) => shortcut.key)),
      fc.record({ altKey: fc.boolean(), ctrlKey: fc.boolean(), metaKey: fc.boolean(), isTyping: fc.boolean(), isInDialog: fc.boolean() }),
      (key, state) => {
        const blocked = state.altKey || state.ctrlKey || state.metaKey || state.isTyping || state.isInDialog;
        expect(shortcutFor({ key, ...state }) === null).toBe(blocked);
      },
    ));
  });

  it("other keys mean nothing", () => {
    for (const key of ["x", "Enter", "Escape", "ArrowDown", " ", "Tab"]) expect(shortcutFor(press(key))).toBeNull();
  });

  it("next and previous stay inside the list (property)", () => {
    expect(nextIndex(-1, 3, 1)).toBe(0);
    expect(nextIndex(-1, 3, -1)).toBe(2);
    expect(nextIndex(2, 3, 1)).toBeNull();
    expect(nextIndex(0, 3, -1)).toBeNull();
    expect(nextIndex(-1, 0, 1)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -1, max: 50 }), fc.constantFrom(1 as const, -1 as const), (count, rawCurrent, direction) => {
      const current = Math.min(rawCurrent, count - 1);
      const next = nextIndex(current, count, direction);
      if (next !== null) {
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
        if (current >= 0) expect(next - current).toBe(direction);
      }
    }));
  });
});
