"use client";

// NF-5: a list the keyboard can drive. The list element keeps focus and points at the active
// option (aria-activedescendant); arrows, Home and End move, Enter opens, and reaching the end
// asks for the next page.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";

export function useListboxKeys(options: {
  count: number;
  /** The option to start from when the list gains focus (the open chat), or -1. */
  selectedIndex: number;
  optionId: (index: number) => string;
  onEnter: (index: number) => void;
  onNearEnd?: () => void;
}) {
  const { count, selectedIndex, optionId, onEnter, onNearEnd } = options;
  const [active, setActive] = useState(-1);

  // Items come and go with live updates: keep the active option inside the list.
  useEffect(() => {
    setActive((index) => (index >= count ? count - 1 : index));
  }, [count]);

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    if (active >= count - 3) onNearEnd?.();
  }, [active, count, optionId, onNearEnd]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (count === 0) return;
      const move = (index: number) => {
        event.preventDefault();
        setActive(Math.min(Math.max(index, 0), count - 1));
      };
      switch (event.key) {
        case "ArrowDown":
          return move(active < 0 ? Math.max(selectedIndex, 0) : active + 1);
        case "ArrowUp":
          return move(active < 0 ? Math.max(selectedIndex, 0) : active - 1);
        case "Home":
          return move(0);
        case "End":
          return move(count - 1);
        case "Enter":
        case " ":
          if (active >= 0) {
            event.preventDefault();
            onEnter(active);
          }
      }
    },
    [active, count, selectedIndex, onEnter],
  );

  // A click focuses the list on mousedown: moving the active option then would scroll the list
  // under the pointer, the mouseup would land on another row and the click would be lost. The
  // clicked row sets the active option itself; only keyboard focus starts from the open chat.
  const isPointerFocus = useRef(false);
  const onPointerDown = useCallback(() => {
    isPointerFocus.current = true;
  }, []);
  const onFocus = useCallback(() => {
    if (isPointerFocus.current) {
      isPointerFocus.current = false;
      return;
    }
    setActive((index) => (index >= 0 ? index : count === 0 ? -1 : Math.max(selectedIndex, 0)));
  }, [count, selectedIndex]);

  return {
    active,
    setActive,
    listboxProps: {
      role: "listbox" as const,
      tabIndex: 0,
      "aria-activedescendant": active >= 0 && active < count ? optionId(active) : undefined,
      onKeyDown,
      onFocus,
      onPointerDown,
      onPointerUp: () => {
        isPointerFocus.current = false;
      },
    },
  };
}
