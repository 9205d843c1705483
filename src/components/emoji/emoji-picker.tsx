"use client";

// Emoji picker shared by the buyer widget and the console composer:
//   <EmojiPicker onSelect={(emoji) => insert(emoji)} onClose={() => setOpen(false)} />
// The parent positions it and decides whether choosing an emoji also closes it. The picker calls
// onClose on Escape and on a pointer press outside itself, and gives focus back to whatever had it
// before opening.
//
// Keyboard: focus starts in the search box; ArrowDown (or Tab) moves into the grid; arrows move
// within the grid (8 per row), Home/End jump to the ends, Enter or Space choose; ArrowUp from the
// first row returns to the search box. Category tabs switch with Left/Right like any tablist.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { EMOJI_CATEGORIES, searchEmoji, type EmojiEntry } from "./emoji-data";

const COLUMNS = 8;

export interface EmojiPickerProps {
  onSelect: (emoji: string) => void;
  onClose: () => void;
  /** Extra classes for positioning (e.g. "absolute bottom-12 right-0"). */
  className?: string;
}

export function EmojiPicker({ onSelect, onClose, className = "" }: EmojiPickerProps) {
  const [query, setQuery] = useState("");
  const [categoryId, setCategoryId] = useState(EMOJI_CATEGORIES[0]!.id);
  const [activeIndex, setActiveIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cellRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const baseId = useId();

  const isSearching = query.trim().length > 0;
  const visible: EmojiEntry[] = useMemo(() => {
    if (isSearching) return searchEmoji(query);
    return EMOJI_CATEGORIES.find((category) => category.id === categoryId)?.emojis ?? [];
  }, [isSearching, query, categoryId]);

  // Keep the close handler current without re-subscribing the document listeners.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    searchRef.current?.focus();
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) onCloseRef.current();
    };
    document.addEventListener("pointerdown", closeOnOutsidePress);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePress);
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
  }, []);

  function focusCell(index: number) {
    if (visible.length === 0) return;
    const clamped = Math.max(0, Math.min(visible.length - 1, index));
    setActiveIndex(clamped);
    cellRefs.current[clamped]?.focus();
  }

  function handleRootKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
      event.preventDefault();
      onClose();
    }
  }

  function handleSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      focusCell(0);
    } else if (event.key === "Enter") {
      // Enter in the search box picks the first match: type "thumbs", press Enter.
      event.preventDefault();
      const first = visible[0];
      if (first) onSelect(first.emoji);
    }
  }

  function handleGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    if (event.key in moves) {
      event.preventDefault();
      const next = activeIndex + moves[event.key]!;
      if (next < 0 && event.key === "ArrowUp") {
        searchRef.current?.focus();
        return;
      }
      focusCell(next);
    } else if (event.key === "Home") {
      event.preventDefault();
      focusCell(0);
    } else if (event.key === "End") {
      event.preventDefault();
      focusCell(visible.length - 1);
    }
  }

  function handleTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (index + delta + EMOJI_CATEGORIES.length) % EMOJI_CATEGORIES.length;
    selectCategory(EMOJI_CATEGORIES[next]!.id);
    tabRefs.current[next]?.focus();
  }

  function selectCategory(id: string) {
    setCategoryId(id);
    setQuery("");
    setActiveIndex(0);
  }

  const gridId = `${baseId}-grid`;
  const rows: EmojiEntry[][] = [];
  for (let i = 0; i < visible.length; i += COLUMNS) rows.push(visible.slice(i, i + COLUMNS));
  const safeActive = Math.min(activeIndex, Math.max(0, visible.length - 1));

  return (
    <div
      ref={rootRef}
      role="dialog"
      aria-label="Emoji picker"
      data-testid="emoji-picker"
      onKeyDown={handleRootKeyDown}
      className={`z-30 w-[19rem] max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-2 text-slate-900 shadow-lg ${className}`}
    >
      <label className="sr-only" htmlFor={`${baseId}-search`}>
        Search emoji
      </label>
      <input
        ref={searchRef}
        id={`${baseId}-search`}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={handleSearchKeyDown}
        placeholder="Search emoji"
        autoComplete="off"
        aria-controls={gridId}
        className="mb-2 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      {!isSearching && (
        <div role="tablist" aria-label="Emoji categories" className="mb-1 flex justify-between border-b border-slate-100 pb-1">
          {EMOJI_CATEGORIES.map((category, index) => {
            const isSelected = category.id === categoryId;
            return (
              <button
                key={category.id}
                ref={(node) => {
                  tabRefs.current[index] = node;
                }}
                type="button"
                role="tab"
                aria-selected={isSelected}
                aria-controls={gridId}
                tabIndex={isSelected ? 0 : -1}
                title={category.label}
                aria-label={category.label}
                onClick={() => selectCategory(category.id)}
                onKeyDown={(event) => handleTabKeyDown(event, index)}
                className={`rounded px-1 py-0.5 text-lg leading-none ${isSelected ? "bg-brand-50 ring-1 ring-brand-500" : "hover:bg-slate-100"}`}
              >
                <span aria-hidden="true">{category.icon}</span>
              </button>
            );
          })}
        </div>
      )}
      <p className="px-1 pb-1 text-xs text-slate-500" aria-live="polite">
        {isSearching ? (visible.length === 0 ? "No emoji found" : `${visible.length} found`) : EMOJI_CATEGORIES.find((c) => c.id === categoryId)?.label}
      </p>
      <div
        id={gridId}
        role="grid"
        aria-label={isSearching ? "Search results" : "Emoji"}
        onKeyDown={handleGridKeyDown}
        className="max-h-48 overflow-y-auto"
      >
        {rows.map((row, rowIndex) => (
          <div role="row" key={rowIndex} className="grid grid-cols-8">
            {row.map((item, columnIndex) => {
              const index = rowIndex * COLUMNS + columnIndex;
              return (
                <div role="gridcell" key={item.emoji}>
                  <button
                    ref={(node) => {
                      cellRefs.current[index] = node;
                    }}
                    type="button"
                    tabIndex={index === safeActive ? 0 : -1}
                    aria-label={item.name}
                    title={item.name}
                    onFocus={() => setActiveIndex(index)}
                    onClick={() => onSelect(item.emoji)}
                    className="flex h-8 w-8 items-center justify-center rounded text-xl leading-none hover:bg-slate-100 focus-visible:bg-brand-50"
                  >
                    {item.emoji}
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
