"use client";

// NF-5: one keydown listener for the whole console. A shortcut (src/core/console/shortcuts.ts)
// focuses or presses the visible element marked with its action (shortcut-props.ts), so it does
// exactly what a click would, permissions and confirmations included; J and K open the next or
// previous chat of the list on screen. Escape in the reply box leaves it, so the keys work again.
import { useEffect, useRef } from "react";
import { nextIndex, shortcutFor } from "@/core/console/shortcuts";
import { noteKeyboardNavigation } from "./keyboard-navigation";

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "password", "number", "url", "tel", "date", "time", "datetime-local"]);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

function visibleTarget(action: string): HTMLElement | null {
  return [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${action}"]`)].find(isShown) ?? null;
}

/** Clicks the next or previous chat of the list (or search results) on screen. */
function openAdjacentChat(direction: 1 | -1): boolean {
  const listbox = [...document.querySelectorAll<HTMLElement>('[data-chat-listbox] [role="listbox"], [data-chat-listbox][role="listbox"]')].find(isShown);
  if (!listbox) return false;
  const options = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
  const current = options.findIndex((option) => option.getAttribute("aria-selected") === "true");
  const next = nextIndex(current, options.length, direction);
  if (next === null) return false;
  const option = options[next]!;
  noteKeyboardNavigation();
  option.click();
  option.scrollIntoView({ block: "nearest" });
  return true;
}

export function useConsoleShortcuts(onHelp: () => void): void {
  const onHelpRef = useRef(onHelp);
  onHelpRef.current = onHelp;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target;
      if (event.key === "Escape" && target instanceof HTMLElement && target.dataset.shortcut === "reply") {
        target.blur();
        return;
      }
      const shortcut = shortcutFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        isTyping: isTyping(target),
        isInDialog: document.querySelector("dialog[open]") !== null,
      });
      if (!shortcut) return;
      if (shortcut.action === "help") {
        event.preventDefault();
        onHelpRef.current();
        return;
      }
      if (shortcut.effect === "move") {
        if (openAdjacentChat(shortcut.action === "next_chat" ? 1 : -1)) event.preventDefault();
        return;
      }
      const element = visibleTarget(shortcut.action);
      if (!element) return;
      event.preventDefault();
      if (shortcut.effect === "focus") element.focus();
      else if (!(element as HTMLButtonElement).disabled) element.click();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
