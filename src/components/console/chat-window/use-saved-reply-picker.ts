"use client";

// AUTO-2: the composer's `/` picker state. While the caret sits in a `/query` (at the start of
// the text or after whitespace, src/core/saved-replies/match.ts), it asks the server for the best
// matches in this chat (variables filled there) and lets the keyboard choose: ArrowUp/ArrowDown
// move, Enter or Tab insert, Escape closes until the query changes. Kept apart from the composer
// so other panels beside it can change independently.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { slashQueryAt } from "@/core/saved-replies/match";
import type { SavedReplySuggestionDto } from "@/shared/saved-replies";

const DEBOUNCE_MS = 120;

export interface SavedReplyPicker {
  isOpen: boolean;
  items: SavedReplySuggestionDto[];
  activeIndex: number;
  isLoading: boolean;
  listboxId: string;
  optionId(index: number): string;
  setActiveIndex(index: number): void;
  /** Call first from the textarea's onKeyDown; true when the picker used the key. */
  handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** Replaces the `/query` with the reply's text; returns the new text and caret. */
  choose(index: number): void;
  close(): void;
}

export function useSavedReplyPicker(options: {
  conversationId: string;
  text: string;
  caret: number;
  onInsert(next: string, caret: number): void;
}): SavedReplyPicker {
  const { conversationId, text, caret, onInsert } = options;
  const slash = slashQueryAt(text, caret);
  const query = slash?.query ?? null;
  const [items, setItems] = useState<SavedReplySuggestionDto[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [isLoading, setIsLoading] = useState(false);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const requestId = useRef(0);
  const listboxId = useId();

  useEffect(() => {
    if (query === null) {
      setItems([]);
      return;
    }
    const id = ++requestId.current;
    setIsLoading(true);
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ conversationId, q: query });
      fetch(`/api/saved-replies/suggest?${params.toString()}`, { credentials: "same-origin", cache: "no-store" })
        .then((response) => (response.ok ? response.json() : { data: { items: [] } }))
        .then((body: { data?: { items?: SavedReplySuggestionDto[] } }) => {
          if (id !== requestId.current) return;
          setItems(body.data?.items ?? []);
          setActiveIndex(0);
        })
        .catch(() => id === requestId.current && setItems([]))
        .finally(() => id === requestId.current && setIsLoading(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [conversationId, query]);

  const key = slash ? `${slash.start}:${slash.query}` : null;
  const isOpen = key !== null && key !== dismissedAt;
  // Escape closes the list for this query only: any edit of the query opens it again.
  useEffect(() => {
    if (dismissedAt !== null && key !== dismissedAt) setDismissedAt(null);
  }, [key, dismissedAt]);

  const close = useCallback(() => setDismissedAt(key), [key]);

  const choose = useCallback((index: number) => {
    const item = items[index];
    if (!item || !slash) return;
    const next = text.slice(0, slash.start) + item.text + text.slice(caret);
    onInsert(next, slash.start + item.text.length);
  }, [items, slash, text, caret, onInsert]);

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!isOpen || event.nativeEvent.isComposing) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return true;
    }
    if (items.length === 0) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((current) => (current + step + items.length) % items.length);
      return true;
    }
    if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      event.preventDefault();
      choose(Math.min(activeIndex, items.length - 1));
      return true;
    }
    return false;
  }

  return {
    isOpen,
    items,
    activeIndex: Math.min(activeIndex, Math.max(items.length - 1, 0)),
    isLoading,
    listboxId,
    optionId: (index) => `${listboxId}-option-${index}`,
    setActiveIndex,
    handleKeyDown,
    choose,
    close,
  };
}
